using System.Globalization;

namespace Helpdesk.Core.Conversation;

/// <summary>
/// A deadline in the requester's words, in the helpdesk's time zone: "au plus tard demain à 12:30",
/// "by today at 16:00 at the latest", "au plus tard le lundi 8 décembre à 09:30". People plan with days and clock
/// times, not with "P3" or durations.
/// </summary>
public static class PromisedTime
{
    public static string Words(string lang, DateTimeOffset due, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var culture = ConversationTexts.Culture(lang);
        var local = TimeZoneInfo.ConvertTime(due, zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var day = DateOnly.FromDateTime(local.DateTime);
        var clock = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        var when = (day.DayNumber - today.DayNumber) switch
        {
            <= 0 => ConversationTexts.Format(lang, "when.today", clock),
            1 => ConversationTexts.Format(lang, "when.tomorrow", clock),
            _ => ConversationTexts.Format(lang, "when.later", local.ToString("dddd d MMMM", culture), clock),
        };
        return ConversationTexts.Format(lang, "when.by", when);
    }
}
