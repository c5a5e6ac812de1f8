namespace Helpdesk.Core.Conversation;

/// <summary>The requester's rating as technicians see it on the ticket (<c>satisfaction</c> in <c>GET /api/tickets/{n}</c>).</summary>
public sealed record SatisfactionDto(int Rating, string? Comment, DateTimeOffset RatedAt)
{
    public static SatisfactionDto Of(SatisfactionRating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        return new(rating.Rating, rating.Comment, rating.At);
    }
}
