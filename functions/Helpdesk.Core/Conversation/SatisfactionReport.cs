namespace Helpdesk.Core.Conversation;

/// <summary>The ratings given in one month (UTC): how many, their average, how many of each value, and each rating.</summary>
public sealed record SatisfactionReport(
    string Month,
    int Count,
    double? Average,
    IReadOnlyDictionary<string, int> Distribution,
    IReadOnlyList<SatisfactionRating> Ratings);
