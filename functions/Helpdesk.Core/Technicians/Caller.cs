namespace Helpdesk.Core.Technicians;

/// <summary>
/// Who is calling a technician route, as the host established it: a person on the roster (signed in with a session,
/// or by the platform) or a machine key, known by its configured name. Every ticket action is attributed through
/// <see cref="ActorFor"/>, never to a name the request declares about itself.
/// </summary>
public sealed record Caller
{
    private Caller(Technician? person, string? keyName)
    {
        Person = person;
        KeyName = keyName;
    }

    public Technician? Person { get; }

    public string? KeyName { get; }

    public bool IsPerson => Person is not null;

    public bool IsAdmin => Person?.IsAdmin == true;

    public static Caller For(Technician person) => new(person ?? throw new ArgumentNullException(nameof(person)), null);

    public static Caller ForKey(string keyName) => new(null, string.IsNullOrWhiteSpace(keyName) ? throw new ArgumentException("A key has a name.", nameof(keyName)) : keyName);

    /// <summary>Name recorded on the timeline: the person's name; for a key, "key NAME", or "ACTOR (key NAME)" on behalf of someone.</summary>
    public string ActorFor(string? onBehalfOf) => Person is { } p
        ? p.Name
        : string.IsNullOrWhiteSpace(onBehalfOf) ? $"key {KeyName}" : $"{onBehalfOf.Trim()} (key {KeyName})";
}
