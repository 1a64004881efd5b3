package dev.tpmconsole.model.browse;

/**
 * One row of the key provider list: a KeyProviderVO row, or a provider that key refs still name although
 * no KeyProviderVO row exists for it any more ({@code present == false}, {@code uuid == null}).
 *
 * @param refs       key refs that name it: by {@code providerUuid}; for a missing provider, by
 *                   {@code providerName} among refs whose provider is lost
 * @param lostByName refs of a present provider that name it only by {@code providerName} while their
 *                   provider is lost (candidates for a relink)
 * @param detail     the NKP or KMS particulars (current version, endpoint), or null
 */
public record ProviderRow(String uuid, String name, String type, boolean connected, boolean present, long refs,
                          long lostByName, String description, String detail) {
}
