using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>Builds values of generated types from matter.js JSON values (camelCase names, big integers as strings, bytes as hex).</summary>
internal static class JsonValues
{
    public static object? ToValue(JsonElement json, Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return json.ValueKind == JsonValueKind.Null ? null : ToValue(json, underlying);
        }

        if (json.ValueKind == JsonValueKind.Null)
        {
            Xunit.Assert.False(type.IsValueType, "null for " + type);
            return null;
        }

        if (type.IsEnum)
        {
            return Enum.ToObject(type, ulong.Parse(Number(json), CultureInfo.InvariantCulture));
        }

        if (type.Namespace == "MatterGen.DataModel" && type.IsValueType)
        {
            var parameter = type.GetConstructors().Single(c => c.GetParameters().Length == 1).GetParameters()[0].ParameterType;
            return Activator.CreateInstance(type, ToValue(json, parameter));
        }

        if (type.IsPrimitive)
        {
            return Convert.ChangeType(decimal.Parse(Number(json), CultureInfo.InvariantCulture), type, CultureInfo.InvariantCulture);
        }

        if (type == typeof(string))
        {
            return json.GetString();
        }

        if (type == typeof(ReadOnlyMemory<byte>))
        {
            return new ReadOnlyMemory<byte>(Convert.FromHexString(json.GetString()!));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var elementType = type.GetGenericArguments()[0];
            var items = json.EnumerateArray().ToList();
            var array = Array.CreateInstance(elementType, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(ToValue(items[i], elementType), i);
            }

            return array;
        }

        var record = Activator.CreateInstance(type)!;
        foreach (var property in json.EnumerateObject())
        {
            var target = type.GetProperties().Single(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            target.SetValue(record, ToValue(property.Value, target.PropertyType));
        }

        return record;
    }

    private static string Number(JsonElement json) =>
        json.ValueKind == JsonValueKind.String ? json.GetString()! : json.GetRawText();
}
