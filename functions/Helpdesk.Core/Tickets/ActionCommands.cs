
namespace Helpdesk.Core.Tickets;

/// <summary>Builds a <see cref="TicketCommand"/> from an action request, with field-level errors when something is missing.</summary>
public static class ActionCommands
{
    public const int MaxTextLength = 8000;
    public const int MaxNameLength = 100;

    public static (TicketCommand? Command, Dictionary<string, string[]> Errors) Build(string action, string actor, ActionRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        // The actor comes from the authenticated caller (see Technicians/Caller), never empty; what a request declares
        // is checked by the handler before it gets here.
        if (actor.Length == 0)
        {
            errors["actor"] = ["The action has no author."];
        }

        Check(errors, "text", body.Text, MaxTextLength);
        Check(errors, "reason", body.Reason, MaxTextLength);
        Check(errors, "resolution", body.Resolution, MaxTextLength);
        Check(errors, "question", body.Question, MaxTextLength);
        Check(errors, "assignee", body.Assignee, MaxNameLength);
        Check(errors, "provider", body.Provider, MaxNameLength);

        TicketCommand? command = action switch
        {
            "acknowledge" => new Acknowledge(actor, Blank(body.Text)),
            "comment" => Require(errors, "text", body.Text) is { } text
                ? new Comment(actor, text, body.Visibility ?? Visibility.Internal)
                : null,
            "assign" => Require(errors, "assignee", body.Assignee) is { } assignee ? new Assign(actor, assignee) : null,
            "wait" => BuildWait(errors, actor, body),
            "resume" => new Resume(actor, Blank(body.Text)),
            "escalate" => new Escalate(actor, Blank(body.Reason ?? body.Text)),
            "reprioritize" => body.Priority is { } priority
                ? new Reprioritize(actor, priority, Blank(body.Reason ?? body.Text))
                : Missing(errors, "priority", "Give the new priority: P1, P2, P3 or P4."),
            "resolve" => Require(errors, "resolution", body.Resolution ?? body.Text) is { } resolution ? new Resolve(actor, resolution) : null,
            "reopen" => new Reopen(actor, Blank(body.Reason ?? body.Text)),
            "close" => new Close(actor, Blank(body.Text)),
            _ => null,
        };
        return errors.Count > 0 ? (null, errors) : (command, errors);
    }

    /// <summary>
    /// The product error for a body whose JSON is well formed but holds a wrong value, from the
    /// <see cref="System.Text.Json.JsonException.Path"/> of the deserialization error ("$.visibility"): never the .NET
    /// type the serializer names. Null field for an error outside the known fields.
    /// </summary>
    public static (string? Field, string Message) FieldError(string? jsonPath)
    {
        var name = PropertyOf(jsonPath);
        var field = name is null ? null : Fields.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase));
        return field switch
        {
            null => (null, "The body must be a JSON object with the action's fields (actor, text, visibility, assignee, on, question, provider, reason, resolution, priority)."),
            "visibility" => (field, $"The field 'visibility' must be one of {HelpdeskJson.AllowedValues<Visibility>()}."),
            "on" => (field, $"The field 'on' must be one of {HelpdeskJson.AllowedValues<WaitingOn>()}."),
            "priority" => (field, $"The field 'priority' must be one of {HelpdeskJson.AllowedValues<Priority>()}."),
            _ => (field, $"The field '{field}' must be a string."),
        };
    }

    private static readonly string[] Fields = ["actor", "text", "visibility", "assignee", "on", "question", "provider", "reason", "resolution", "priority"];

    // "$.visibility" or "$['visibility']" (names with special characters); the first segment is the field.
    private static string? PropertyOf(string? path)
    {
        if (path is null || !path.StartsWith('$'))
        {
            return null;
        }

        var rest = path[1..];
        if (rest.StartsWith("['", StringComparison.Ordinal))
        {
            var end = rest.IndexOf("']", 2, StringComparison.Ordinal);
            return end < 0 ? null : rest[2..end];
        }

        if (!rest.StartsWith('.'))
        {
            return null;
        }

        rest = rest[1..];
        var stop = rest.IndexOfAny(['.', '[']);
        return stop < 0 ? rest : rest[..stop];
    }

    private static Wait? BuildWait(Dictionary<string, string[]> errors, string actor, ActionRequest body)
    {
        if (body.On is null)
        {
            errors["on"] = ["Say who the ticket waits on: 'requester' or 'provider'."];
            return null;
        }

        var provider = Blank(body.Provider);
        if (body.On == WaitingOn.Provider && provider is null)
        {
            errors["provider"] = ["Name the provider the ticket waits on (internet provider, software vendor...)."];
            return null;
        }

        if (body.On == WaitingOn.Provider && Blank(body.Question) is not null)
        {
            errors["question"] = ["A question is for the requester: use 'text' for a note about the provider."];
            return null;
        }

        return new Wait(actor, body.On.Value, body.On == WaitingOn.Provider ? provider : null, Blank(body.Text),
            body.On == WaitingOn.Requester ? Blank(body.Question) : null);
    }

    private static TicketCommand? Missing(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return null;
    }

    private static string? Require(Dictionary<string, string[]> errors, string field, string? value)
    {
        var text = Blank(value);
        if (text is null)
        {
            errors[field] = [$"'{field}' is required for this action."];
        }

        return text;
    }

    private static void Check(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (value?.Length > max)
        {
            errors[field] = [$"'{field}' is at most {max} characters."];
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
