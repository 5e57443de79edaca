using System;
using MatterGen.Tlv;
using Xunit;
using Entry = MatterGen.Clusters.AccessControl.AccessControlEntryStruct;
using Extension = MatterGen.Clusters.AccessControl.AccessControlExtensionStruct;

namespace MatterGen.Clusters.Tests;

/// <summary>
/// Fabric-scoped structs with fabric-sensitive fields (Core Specification 7.13.6): another fabric's entry arrives as
/// its FabricIndex and non-sensitive fields only, and the generated codec reads and writes that form; the attribute
/// metadata carries the scope and the sensitive field ids.
/// </summary>
public sealed class FabricSensitiveFieldTests
{
    // { FabricIndex(0xFE) = 2 }: the ACL entry of fabric 2 as fabric 1 reads it unfiltered.
    private static readonly byte[] OtherFabricEntry = Convert.FromHexString("1524FE0218");

    [Fact]
    public void An_entry_with_only_its_fabric_index_decodes_with_its_sensitive_fields_omitted_and_encodes_back_the_same()
    {
        var byMessage = Entry.Decode(OtherFabricEntry);
        var reader = new TlvReader(OtherFabricEntry);
        Assert.True(reader.Read());
        var byReader = Entry.Decode(ref reader);

        Assert.True(byMessage.FabricSensitiveFieldsOmitted);
        Assert.Equal((byte?)2, byMessage.FabricIndex);
        Assert.Null(byMessage.Subjects);
        Assert.Equal(byMessage, byReader);
        var buffer = new byte[32];
        Assert.Equal(OtherFabricEntry, buffer.AsSpan(0, byMessage.Encode(buffer)).ToArray());
    }

    [Fact]
    public void A_full_entry_is_not_marked_omitted_and_differs_from_the_omitted_form()
    {
        var entry = new Entry
        {
            Privilege = AccessControl.AccessControlEntryPrivilegeEnum.View,
            AuthMode = AccessControl.AccessControlEntryAuthModeEnum.CASE,
            Subjects = null,
            Targets = null,
            FabricIndex = 2,
        };
        var buffer = new byte[64];
        var decoded = Entry.Decode(buffer.AsSpan(0, entry.Encode(buffer)));

        Assert.False(decoded.FabricSensitiveFieldsOmitted);
        Assert.Equal(entry, decoded);
        Assert.NotEqual(entry with { FabricSensitiveFieldsOmitted = true }, entry);

        // Omitted fields hold no data: two omitted forms of the same fabric's entry are equal whatever they hold.
        var omittedView = entry with { FabricSensitiveFieldsOmitted = true };
        var omittedAdmin = omittedView with { Privilege = AccessControl.AccessControlEntryPrivilegeEnum.Administer };
        Assert.Equal(omittedView, omittedAdmin);
        Assert.Equal(omittedView.GetHashCode(), omittedAdmin.GetHashCode());

        // Omitted, the same entry is written as its FabricIndex alone.
        var omitted = entry with { FabricSensitiveFieldsOmitted = true };
        Assert.Equal(OtherFabricEntry, buffer.AsSpan(0, omitted.Encode(buffer)).ToArray());
    }

    [Fact]
    public void An_entry_with_some_but_not_all_mandatory_sensitive_fields_is_still_missing_a_field()
    {
        // { Privilege(1) = 3, FabricIndex = 2 }: AuthMode, Subjects and Targets are missing.
        var partial = Convert.FromHexString("1524010324FE0218");

        var error = Assert.Throws<TlvException>(() => Entry.Decode(partial));

        Assert.Equal(TlvError.MissingField, error.Error);
        Assert.Equal("AuthMode", error.FieldName);
    }

    [Fact]
    public void An_extension_with_only_its_fabric_index_decodes_with_its_data_omitted()
    {
        var extension = Extension.Decode(OtherFabricEntry);

        Assert.True(extension.FabricSensitiveFieldsOmitted);
        Assert.Equal((byte?)2, extension.FabricIndex);
    }

    [Fact]
    public void Attribute_metadata_names_fabric_scoped_values_and_their_sensitive_fields()
    {
        Assert.True(AccessControl.Attributes.ACL.IsFabricScoped);
        Assert.Equal([1, 2, 3, 4, 5], AccessControl.Attributes.ACL.FabricSensitiveFields);
        Assert.True(AccessControl.Attributes.Extension.IsFabricScoped);
        Assert.Equal([1], AccessControl.Attributes.Extension.FabricSensitiveFields);
        Assert.False(AccessControl.Attributes.SubjectsPerAccessControlEntry.IsFabricScoped);
        Assert.Empty(AccessControl.Attributes.SubjectsPerAccessControlEntry.FabricSensitiveFields);
        Assert.False(EnergyEVSE.Attributes.ChargingEnabledUntil.IsFabricScoped);
    }
}
