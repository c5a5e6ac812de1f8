using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Helpdesk.Core.Sla;

// One opening range of a day in local wall time. End may be 24:00 so a day can run to midnight.
public readonly record struct WorkingHours(TimeSpan Start, TimeSpan End)
{
    public const string Closed = "closed";

    // Accepts "HH:mm-HH:mm" or "closed" (hours == null).
    public static bool TryParse(string? text, out WorkingHours? hours, [NotNullWhen(false)] out string? error)
    {
        hours = null;
        error = null;
        var trimmed = text?.Trim() ?? string.Empty;
        if (string.Equals(trimmed, Closed, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var parts = trimmed.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryParseClock(parts[0], out var start) || !TryParseClock(parts[1], out var end))
        {
            error = $"'{text}' is not a working-hours range; use 'HH:mm-HH:mm' (e.g. 08:30-17:30) or '{Closed}'.";
            return false;
        }

        if (end <= start)
        {
            error = $"'{text}': the end ({parts[1]}) must be after the start ({parts[0]}).";
            return false;
        }

        hours = new WorkingHours(start, end);
        return true;
    }

    private static bool TryParseClock(string text, out TimeSpan time)
    {
        if (text == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        var ok = TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock);
        time = clock.ToTimeSpan();
        return ok;
    }
}
