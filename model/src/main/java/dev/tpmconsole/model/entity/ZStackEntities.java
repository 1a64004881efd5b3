package dev.tpmconsole.model.entity;

import dev.tpmconsole.model.schema.SchemaLayout;
import java.util.ArrayList;
import java.util.List;

/** The entity classes to map for a database, chosen by its detected layout. */
public final class ZStackEntities {

    private ZStackEntities() {
    }

    public static List<Class<?>> forLayout(SchemaLayout layout) {
        List<Class<?>> classes = new ArrayList<>(List.of(
                ResourceVO.class, ManagementNodeVO.class, HostEO.class, VmInstanceEO.class,
                VolumeSnapshotGroupVO.class, TpmVO.class, VmHostFileVO.class, VmHostFileContentVO.class,
                VmHostFileContentInfo.class, KeyProviderVO.class, NkpVO.class, KmsVO.class,
                EncryptedResourceKeyRefVO.class, TpmKeyBackupVO.class, SystemTagVO.class));
        classes.add(layout.legacyBackupLayout() ? LegacyVmHostBackupFileVO.class : VmHostBackupFileVO.class);
        return classes;
    }
}
