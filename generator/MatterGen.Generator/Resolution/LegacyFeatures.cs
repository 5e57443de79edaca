using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Resolution;

/// <summary>
/// Features of a cluster from before connectedhomeip wrote conformance into its ZAP files (v1.3 and older):
/// those files have no <c>&lt;features&gt;</c> element, only the cluster's <c>Feature</c> bitmap. Each
/// single-bit field of it becomes a feature named after the field (the files give no short code), optional:
/// the files say nothing about which features a device must have or which go together, so no combination is
/// refused and no element follows a feature; elements keep their own <c>optional</c> flag.
/// </summary>
internal static class LegacyFeatures
{
    /// <summary>The cluster with features derived from its Feature bitmap, when it declares none itself.</summary>
    public static ClusterModel Derive(ClusterModel cluster, IEnumerable<DataTypeModel> localTypes)
    {
        if (cluster.Features.Count > 0)
        {
            return cluster;
        }

        var bitmaps = localTypes.Where(t => t.Kind == DataTypeKind.Bitmap).ToList();
        var bitmap = bitmaps.FirstOrDefault(t => t.Name == "Feature")
            ?? bitmaps.Where(t => t.Name.EndsWith("Feature", StringComparison.Ordinal)).OrderBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault();
        if (bitmap is null)
        {
            return cluster;
        }

        var features = new List<FeatureModel>();
        foreach (var field in bitmap.Values)
        {
            if (field.Value == 0 || (field.Value & (field.Value - 1)) != 0 || field.Value > 0x8000_0000UL)
            {
                continue;
            }

            var bit = 0;
            while ((1UL << bit) != field.Value)
            {
                bit++;
            }

            if (features.All(f => f.Bit != bit && !string.Equals(f.Code, field.Name, StringComparison.OrdinalIgnoreCase)))
            {
                features.Add(new FeatureModel(bit, field.Name, field.Name, field.Description, Conformance.Optional, bitmap.Position));
            }
        }

        return features.Count == 0 ? cluster : cluster with { Features = features.OrderBy(f => f.Bit).ToEquatableArray() };
    }
}
