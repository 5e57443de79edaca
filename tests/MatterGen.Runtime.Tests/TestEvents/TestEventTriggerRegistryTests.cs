using System;
using MatterGen.Interaction;
using MatterGen.TestEvents;
using Xunit;

namespace MatterGen.Runtime.Tests.TestEvents;

public sealed class TestEventTriggerRegistryTests
{
    private const ulong Code = 0x0099_0000_0000_0002;

    [Fact]
    public void A_registered_code_runs_its_handler_and_returns_its_status()
    {
        var registry = new TestEventTriggerRegistry();
        var runs = 0;
        registry.Register(Code, () => { runs++; return MatterStatus.Success; });
        registry.Register(Code + 1, () => MatterStatus.Failure);

        Assert.Equal(MatterStatus.Success, registry.Fire(Code));
        Assert.Equal(MatterStatus.Failure, registry.Fire(Code + 1));
        Assert.Equal(1, runs);
        Assert.Equal(new[] { Code, Code + 1 }, registry.Codes);
    }

    [Fact]
    public void An_unknown_code_is_an_invalid_command()
    {
        var registry = new TestEventTriggerRegistry();
        Assert.Equal(MatterStatus.InvalidCommand, registry.Fire(Code));
    }

    [Fact]
    public void A_code_with_an_endpoint_in_bits_32_to_47_finds_the_endpoint_free_registration()
    {
        var registry = new TestEventTriggerRegistry();
        registry.Register(Code, () => MatterStatus.Success);

        Assert.Equal(MatterStatus.Success, registry.Fire(Code | (1UL << 32)));
        Assert.Equal(MatterStatus.InvalidCommand, registry.Fire(Code | (1UL << 49)));
    }

    [Fact]
    public void A_code_has_one_owner_until_its_registration_is_disposed()
    {
        var registry = new TestEventTriggerRegistry();
        var first = registry.Register(Code, () => MatterStatus.Success);
        Assert.Throws<InvalidOperationException>(() => registry.Register(Code, () => MatterStatus.Failure));

        first.Dispose();
        first.Dispose();
        Assert.Equal(MatterStatus.InvalidCommand, registry.Fire(Code));
        registry.Register(Code, () => MatterStatus.Failure);
        Assert.Equal(MatterStatus.Failure, registry.Fire(Code));
    }
}
