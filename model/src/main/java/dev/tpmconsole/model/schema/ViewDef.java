package dev.tpmconsole.model.schema;

/** A view of the schema (VmInstanceVO, HostVO), with its SELECT as written in the DDL. */
public record ViewDef(String name, String selectSql) {
}
