using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;
using Xunit;
using static MatterGen.Generator.Tests.Emit.EvseModel;

namespace MatterGen.Generator.Tests.Planning;

public sealed class EnumPlanTests
{
    [Fact]
    public void A_bitmap_without_a_zero_value_gets_a_none_member_named_after_its_own_values()
    {
        var plan = EnumPlan.Resolve(Bitmap("Mode", "bitmap8", Maturity.Stable, ("None", 1), ("Mode", 2), ("Wide", 0x100)), "Mode");

        // The definition's names first; the type's own name and the synthetic None step aside; 0x100 is too wide for bitmap8.
        Assert.Equal(new[] { "None", "Mode2" }, plan.Members.Select(member => member.Name));
        Assert.Equal("None2", plan.NoneName);
        Assert.Equal("byte", plan.Underlying.IntegerType);
    }

    [Fact]
    public void An_enum_has_no_none_member_and_plans_the_same_twice()
    {
        var type = Enum("StateEnum", "enum16", ("Idle", 0), ("Charging", 1));
        var plan = EnumPlan.Resolve(type, "State");

        Assert.Null(plan.NoneName);
        Assert.Equal("ushort", plan.Underlying.IntegerType);
        Assert.Equal(plan, EnumPlan.Resolve(type with { }, "State"));
        Assert.NotEqual(plan, EnumPlan.Resolve(type, "OtherState"));
    }
}
