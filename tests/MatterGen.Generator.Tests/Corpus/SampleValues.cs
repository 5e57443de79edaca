using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MatterGen.DataModel;

namespace MatterGen.Generator.Tests.Corpus;

/// <summary>
/// Builds a sample value of any generated record by reflection: every settable field gets a present value
/// (nullable and optional fields too, lists one element), chosen from a short list of candidates per field
/// name. When the generated encoder says a field breaks a constraint, <see cref="Advance"/> moves that field to
/// its next candidate, so values within the (unknown to reflection) constraints are found by retrying.
/// </summary>
internal sealed class SampleValues
{
    private static readonly long[] Integers = [0, 1, 2, 5, 10, 60, 100, 255, 1000, 3600, 10_000, 65_535, 100_000, -1, -100, -1000];
    private static readonly int[] ByteLengths = [1, 0, 2, 4, 6, 8, 12, 16, 20, 32, 64, 65, 85, 97, 128, 256, 400];
    private static readonly string[] Strings = ["x", "", "abcd", "abcdefgh", new('a', 16), new('a', 32), new('a', 64), new('a', 128), new('a', 256)];

    private readonly Dictionary<string, int> choices = new(StringComparer.Ordinal);

    /// <summary>A new sample of the generated record <paramref name="recordType"/>.</summary>
    public object Build(Type recordType)
    {
        var value = Activator.CreateInstance(recordType)!;
        foreach (var property in recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
        {
            property.SetValue(value, ValueOf(property.PropertyType, property.Name));
        }

        return value;
    }

    /// <summary>Moves the field named <paramref name="fieldName"/> to its next candidate; false when none is left.</summary>
    public bool Advance(string fieldName)
    {
        var next = choices.GetValueOrDefault(fieldName) + 1;
        choices[fieldName] = next;
        return next < 64;
    }

    private object? ValueOf(Type type, string field)
    {
        var choice = choices.GetValueOrDefault(field);
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return ValueOf(inner, field);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>))
        {
            var argument = type.GetGenericArguments()[0];
            return Activator.CreateInstance(type, ValueOf(argument, field));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            // One element while the element candidates last (the first 20 choices), then 0, 1, 2... elements.
            var element = type.GetGenericArguments()[0];
            var list = Array.CreateInstance(element, choice < 20 ? 1 : choice - 20);
            for (var i = 0; i < list.Length; i++)
            {
                list.SetValue(ValueOf(element, field), i);
            }

            return list;
        }

        if (type == typeof(ReadOnlyMemory<byte>))
        {
            var bytes = new byte[ByteLengths[choice % ByteLengths.Length]];
            bytes.AsSpan().Fill(0x5A);
            return new ReadOnlyMemory<byte>(bytes);
        }

        if (type == typeof(string))
        {
            return Strings[choice % Strings.Length];
        }

        if (type == typeof(bool))
        {
            return choice % 2 == 0;
        }

        if (type == typeof(float))
        {
            return 1.5f + choice;
        }

        if (type == typeof(double))
        {
            return 2.25 + choice;
        }

        if (type.IsEnum)
        {
            var defined = Enum.GetValues(type).Cast<object>().ToArray();
            return defined.Length == 0 ? Activator.CreateInstance(type) : defined[choice % defined.Length];
        }

        if (type.IsPrimitive)
        {
            return Integer(type, choice);
        }

        if (type.GetMethod("Decode", BindingFlags.Public | BindingFlags.Static, [typeof(MatterGen.Tlv.TlvReader).MakeByRefType()]) is not null)
        {
            return Build(type);
        }

        // A wrapper such as EpochSeconds: one constructor taking the integer.
        var constructor = type.GetConstructors().Single(c => c.GetParameters().Length == 1 && c.GetParameters()[0].ParameterType.IsPrimitive);
        return constructor.Invoke([Integer(constructor.GetParameters()[0].ParameterType, choice)]);
    }

    private static object Integer(Type type, int choice)
    {
        var fitting = Integers.Select(candidate => Fit(type, candidate)).OfType<object>().ToArray();
        return fitting[choice % fitting.Length];
    }

    private static object? Fit(Type type, long candidate)
    {
        try
        {
            return Convert.ChangeType(candidate, type, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
