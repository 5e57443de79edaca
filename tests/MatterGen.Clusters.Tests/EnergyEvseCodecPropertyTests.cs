using System.Linq;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Clusters.Tests;

/// <summary>
/// Property tests of every generated Energy EVSE codec: random valid values round-trip, and damaged messages
/// never make a generated decoder raise anything but <see cref="TlvException"/>.
/// </summary>
public sealed class EnergyEvseCodecPropertyTests
{
    public static TheoryData<string> TypeNames => new(EnergyEvseCodecCase.All.Keys.OrderBy(name => name, System.StringComparer.Ordinal));

    [Fact]
    public void Every_generated_type_with_a_decoder_has_a_case()
    {
        var decodable = typeof(EnergyEVSE).GetNestedTypes()
            .Where(type => type.GetMethod("Decode", [typeof(TlvReader).MakeByRefType()]) is not null)
            .Select(type => type.Name)
            .Order(System.StringComparer.Ordinal);

        Assert.Equal(decodable, EnergyEvseCodecCase.All.Keys.Order(System.StringComparer.Ordinal));
        Assert.Equal(16, EnergyEvseCodecCase.All.Count); // 2 structs, 7 requests, 1 response, 6 events
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Random_valid_values_round_trip(string typeName) =>
        EnergyEvseCodecCase.All[typeName].CheckRoundTrip(iterations: 500);

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Damaged_messages_raise_only_TlvException(string typeName) =>
        EnergyEvseCodecCase.All[typeName].CheckMutations(iterations: 2000);
}
