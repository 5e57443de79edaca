using System;
using MatterGen.Evse.Hardware.Station;
using Microsoft.Extensions.Options;

namespace MatterGen.Evse.Hardware.Hosting;

/// <summary>Reports <see cref="EvseStationOptions.Validate"/> failures as options validation failures.</summary>
internal sealed class EvseStationOptionsValidator : IValidateOptions<EvseStationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EvseStationOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
