package dev.tpmconsole.model.browse;

/**
 * A key ref listed under a provider. Never the wrapped key, only its length.
 *
 * @param vmUuid        the VM the ref belongs to (through its TPM or backup), null when none is found
 * @param vmName        that VM's name
 * @param byNameOnly    the ref names the provider only by {@code providerName} (its provider is lost)
 */
public record KeyRefRow(long id, String resourceType, String resourceUuid, String vmUuid, String vmName,
                        String providerUuid, String providerName, Long keyVersion, boolean kekRefPresent,
                        String algorithm, long wrappedKeyLength, KeyState state, String createDate,
                        boolean byNameOnly) {
}
