using System.Text.RegularExpressions;

namespace Helpdesk.Core.Conversation;

/// <summary>
/// The name a requester sees for a timeline line's actor. Technicians' actions are attributed to the authenticated
/// caller (<c>Technicians/Caller</c>): a person's name, <c>key api</c> for a machine key, or
/// <c>alice (key api)</c> when a script acts on someone's behalf. Which key acted is for technicians only: the
/// requester sees "alice", and "IT Support" for the system and for keys acting on nobody's behalf.
/// </summary>
public static partial class PublicAuthor
{
    public static string Of(string? actor, string supportName)
    {
        if (string.IsNullOrWhiteSpace(actor) || actor is "system" or "sla" || KeyOnly().IsMatch(actor))
        {
            return supportName;
        }

        var onBehalf = OnBehalf().Match(actor);
        return onBehalf.Success ? onBehalf.Groups[1].Value.Trim() : actor.Trim();
    }

    [GeneratedRegex(@"^key [^\s()]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyOnly();

    [GeneratedRegex(@"^(.+) \(key [^\s()]+\)$", RegexOptions.CultureInvariant)]
    private static partial Regex OnBehalf();
}
