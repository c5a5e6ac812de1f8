using System.Collections;
using System.Reflection;
using Helpdesk.Core;

namespace Helpdesk.InfraTests;

/// <summary>
/// Every configuration path the app binds, found by reflection over the options classes of Helpdesk.Core: each public
/// type with a <c>const string Section</c> or <c>SectionName</c> (HelpdeskOptions, StorageOptions, SmtpOptions,
/// EmailOptions, SlaPolicyOptions, BusinessCalendarOptions, SlaNotificationOptions, IntakeOptions...). A path is a
/// list of segments; <c>*</c> stands for a dictionary key or a list index.
/// </summary>
public static class OptionsBindingPaths
{
    public static IReadOnlyList<(string Section, Type Type)> OptionsTypes { get; } =
        typeof(HelpdeskOptions).Assembly.GetExportedTypes()
            .Select(t => (Section: SectionOf(t), Type: t))
            .Where(x => x.Section is not null)
            .Select(x => (x.Section!, x.Type))
            .ToList();

    public static IReadOnlyList<string[]> All { get; } =
        OptionsTypes.SelectMany(o => PathsOf(o.Type, o.Section.Split(':'), depth: 0)).ToList();

    /// <summary>True when an app setting name (<c>Helpdesk__Sla__Notifications__Groups__L1</c>) binds to an options property.</summary>
    public static bool IsBindable(string settingName)
    {
        var segments = settingName.Split("__");
        return All.Any(path => path.Length == segments.Length
            && path.Zip(segments).All(p => p.First == "*" || p.First.Equals(p.Second, StringComparison.OrdinalIgnoreCase)));
    }

    private static string? SectionOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(f => f is { IsLiteral: true, Name: "Section" or "SectionName" } && f.FieldType == typeof(string))
            ?.GetRawConstantValue() as string;

    private static IEnumerable<string[]> PathsOf(Type type, string[] prefix, int depth)
    {
        if (depth > 8)
        {
            throw new InvalidOperationException($"Options nesting too deep at {string.Join(':', prefix)}.");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var settable = property.SetMethod?.IsPublic == true;
            var complex = !IsScalar(property.PropertyType) && ElementOf(property.PropertyType) is null;
            if (property.GetIndexParameters().Length > 0 || !(settable || (complex && property.GetMethod?.IsPublic == true)))
            {
                // Computed, read-only values (UsesAcs, Languages...) are not bound.
                continue;
            }

            foreach (var path in PathsOfValue(property.PropertyType, [.. prefix, property.Name], depth))
            {
                yield return path;
            }
        }
    }

    private static IEnumerable<string[]> PathsOfValue(Type type, string[] path, int depth)
    {
        if (IsScalar(type))
        {
            return [path];
        }

        if (ElementOf(type) is { } element)
        {
            // A list can also be bound as a whole by some providers; the usual form is an indexed key.
            return PathsOfValue(element, [.. path, "*"], depth + 1);
        }

        return PathsOf(type, path, depth + 1);
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Uri)
               || type == typeof(TimeSpan) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
               || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(Guid);
    }

    /// <summary>The value type of a dictionary or the element type of a list/array; null for other types.</summary>
    private static Type? ElementOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!typeof(IEnumerable).IsAssignableFrom(type) || type == typeof(string))
        {
            return null;
        }

        var interfaces = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        var dictionary = interfaces.FirstOrDefault(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));
        if (dictionary is not null)
        {
            return dictionary.GetGenericArguments()[1];
        }

        return interfaces.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }
}
