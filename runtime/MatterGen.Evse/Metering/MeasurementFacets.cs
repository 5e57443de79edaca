using MatterGen.Evse.Clusters;
using MatterGen.Interaction;

namespace MatterGen.Evse.Metering;

// What the energy counting needs of a generated Electrical Energy Measurement server, one interface per
// direction: a server implements a facet by having the members, so the compiler checks the feature set.

/// <summary>An Electrical Energy Measurement server that counts imported energy, cumulative and periodic.</summary>
public interface IEnergyMeasurementImport
{
    /// <summary>Accuracy (measurement type ElectricalEnergy).</summary>
    ElectricalEnergyMeasurement.MeasurementAccuracyStruct? Accuracy { get; set; }

    /// <summary>CumulativeEnergyImported (N: restored at start).</summary>
    ElectricalEnergyMeasurement.EnergyMeasurementStruct? CumulativeEnergyImported { get; set; }

    /// <summary>PeriodicEnergyImported.</summary>
    ElectricalEnergyMeasurement.EnergyMeasurementStruct? PeriodicEnergyImported { get; set; }

    /// <summary>CumulativeEnergyReset (N).</summary>
    ElectricalEnergyMeasurement.CumulativeEnergyResetStruct? CumulativeEnergyReset { get; set; }

    /// <summary>Emits CumulativeEnergyMeasured.</summary>
    EventRecord EmitCumulativeEnergyMeasured(ElectricalEnergyMeasurement.CumulativeEnergyMeasuredEvent payload);

    /// <summary>Emits PeriodicEnergyMeasured.</summary>
    EventRecord EmitPeriodicEnergyMeasured(ElectricalEnergyMeasurement.PeriodicEnergyMeasuredEvent payload);
}

/// <summary>An Electrical Energy Measurement server that also counts exported energy (V2X).</summary>
public interface IEnergyMeasurementExport
{
    /// <summary>CumulativeEnergyExported (N: restored at start).</summary>
    ElectricalEnergyMeasurement.EnergyMeasurementStruct? CumulativeEnergyExported { get; set; }

    /// <summary>PeriodicEnergyExported.</summary>
    ElectricalEnergyMeasurement.EnergyMeasurementStruct? PeriodicEnergyExported { get; set; }
}
