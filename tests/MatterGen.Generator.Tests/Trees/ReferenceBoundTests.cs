using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using MatterGen.Generator.Tests.Emit;
using MatterGen.Generator.Tests.Infrastructure;
using Xunit;

namespace MatterGen.Generator.Tests.Trees;

/// <summary>
/// A request field bounded by other attributes (<c>min="LOWEST_SPEED" max="HIGHEST_SPEED"</c>) is checked by
/// the server against those attributes' current values: outside them the command fails with CONSTRAINT_ERROR
/// and the driver is not called; a change to the attribute moves the bound.
/// </summary>
public sealed class ReferenceBoundTests
{
    private const string Source = """
        namespace User;

        [MatterGen.MatterServer("Gadget", Features = "Spin")]
        public partial class MyGadget { }

        public sealed class GadgetDriver : IMyGadgetDriver
        {
            public int Calls { get; private set; }

            public System.Threading.Tasks.ValueTask SetSpeedAsync(MatterGen.Clusters.Gadget.SetSpeedRequest request, MatterGen.Interaction.RequestContext context, System.Threading.CancellationToken cancellationToken)
            {
                Calls++;
                return default;
            }
        }

        public static class Probe
        {
            public static async System.Threading.Tasks.Task<string> RunAsync()
            {
                var driver = new GadgetDriver();
                var server = new MyGadget(driver, new MatterGen.Interaction.ClusterServerOptions());
                var results = new System.Collections.Generic.List<string>();
                async System.Threading.Tasks.Task Invoke(byte speed, byte? boost)
                {
                    var buffer = new byte[64];
                    var length = new MatterGen.Clusters.Gadget.SetSpeedRequest { Speed = speed, Boost = boost }.Encode(buffer);
                    var result = await server.InvokeAsync(0x00, new System.ReadOnlyMemory<byte>(buffer, 0, length), MatterGen.Interaction.RequestContext.Local);
                    results.Add(result.Status.ToString());
                }

                await Invoke(5, null);
                await Invoke(10, 1);
                await Invoke(11, null);
                await Invoke(0, null);
                await Invoke(5, 0);
                server.HighestSpeed = 20;
                await Invoke(11, null);
                server.LowestSpeed = 6;
                await Invoke(5, null);
                return string.Join(",", results) + "; driver called " + driver.Calls;
            }
        }
        """;

    [Fact]
    public async Task The_server_checks_a_request_against_the_attributes_that_bound_it()
    {
        var run = GeneratorHarness.Run([Source], LegacyTree.Files());
        Assert.Empty(run.Problems.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()));
        var assembly = Load(run);

        var run1 = (Task<string>)assembly.GetType("User.Probe")!.GetMethod("RunAsync")!.Invoke(null, null)!;

        Assert.Equal("Success,Success,ConstraintError,ConstraintError,ConstraintError,Success,ConstraintError; driver called 3", await run1);
    }

    private static Assembly Load(GeneratorRun run)
    {
        using var stream = new MemoryStream();
        var result = run.Compilation.Emit(stream);
        Assert.True(result.Success, GeneratedAssembly.Describe(result.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext(run.Compilation.AssemblyName, isCollectible: true).LoadFromStream(stream);
    }
}
