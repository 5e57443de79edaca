using System.Linq;
using MatterGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MatterGen.Generator.Tests.Server;

/// <summary>
/// The driver interface is the compile-time contract between a specialized server and the code that runs the
/// hardware: one member per command the feature set has, none for the others.
/// </summary>
public sealed class DriverInterfaceTests
{
    private const string Server = """
        namespace Device;

        [MatterGen.MatterServer("Energy EVSE", Features = "ChargingPreferences, V2X")]
        public partial class Charger { }
        """;

    private const string CompleteDriverMembers = """
            public ValueTask DisableAsync(EnergyEVSE.DisableRequest request, RequestContext context, CancellationToken cancellationToken) => default;
            public ValueTask EnableChargingAsync(EnergyEVSE.EnableChargingRequest request, RequestContext context, CancellationToken cancellationToken) => default;
            public ValueTask SetTargetsAsync(EnergyEVSE.SetTargetsRequest request, RequestContext context, CancellationToken cancellationToken) => default;
            public ValueTask<EnergyEVSE.GetTargetsResponse> GetTargetsAsync(EnergyEVSE.GetTargetsRequest request, RequestContext context, CancellationToken cancellationToken) =>
                new(new EnergyEVSE.GetTargetsResponse { ChargingTargetSchedules = [] });
            public ValueTask ClearTargetsAsync(EnergyEVSE.ClearTargetsRequest request, RequestContext context, CancellationToken cancellationToken) => default;
        """;

    private static string Driver(string members) => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using MatterGen.Clusters;
        using MatterGen.Interaction;

        namespace Device;

        public sealed class ChargerHardware : IChargerDriver
        {
        {{members}}
        }
        """;

    [Fact]
    public void A_driver_with_every_accepted_command_compiles()
    {
        var driver = Driver(CompleteDriverMembers + "\n    public ValueTask EnableDischargingAsync(EnergyEVSE.EnableDischargingRequest request, RequestContext context, CancellationToken cancellationToken) => default;");

        var run = GeneratorHarness.Run([Server, driver], GeneratorHarness.SpecFiles());

        Assert.Empty(run.Problems.Select(diagnostic => diagnostic.ToString()));
    }

    [Fact]
    public void A_driver_that_lacks_a_command_of_its_feature_set_fails_with_CS0535_naming_the_member()
    {
        var run = GeneratorHarness.Run([Server, Driver(CompleteDriverMembers)], GeneratorHarness.SpecFiles());

        var error = Assert.Single(run.Problems);
        Assert.Equal("CS0535", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("ChargerHardware", message, System.StringComparison.Ordinal);
        Assert.Contains("IChargerDriver.EnableDischargingAsync(EnergyEVSE.EnableDischargingRequest, RequestContext, CancellationToken)", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_interface_of_a_feature_set_without_V2X_has_no_discharging_member()
    {
        var source = Server.Replace(", V2X", string.Empty, System.StringComparison.Ordinal);
        var run = GeneratorHarness.Run([source, Driver(CompleteDriverMembers)], GeneratorHarness.SpecFiles());

        Assert.Empty(run.Problems.Select(diagnostic => diagnostic.ToString()));
        var driverInterface = run.Compilation.GetTypeByMetadataName("Device.IChargerDriver");
        Assert.NotNull(driverInterface);
        Assert.Equal(
            ["ClearTargetsAsync", "DisableAsync", "EnableChargingAsync", "GetTargetsAsync", "SetTargetsAsync"],
            driverInterface!.GetMembers().Select(member => member.Name).Order(System.StringComparer.Ordinal));
    }
}
