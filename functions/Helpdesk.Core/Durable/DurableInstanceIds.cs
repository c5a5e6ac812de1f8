namespace Helpdesk.Core.Durable;

/// <summary>
/// Rules for orchestration instance ids. Ids are business keys (e.g. <c>sla-0000001001</c>, see <c>SlaOrchestration.InstanceId</c>) and become Azure Table
/// partition keys on the Azure Storage backend, hence: 1–256 characters, no <c>/ \ # ?</c>, no control characters,
/// no leading <c>@</c> (reserved for durable entities).
/// </summary>
public static class DurableInstanceIds
{
    /// <summary>Maximum length of an instance id.</summary>
    public const int MaxLength = 256;

    /// <summary>True if <paramref name="instanceId"/> follows the rules.</summary>
    public static bool IsValid(string? instanceId)
    {
        if (string.IsNullOrEmpty(instanceId) || instanceId.Length > MaxLength || instanceId[0] == '@')
        {
            return false;
        }

        foreach (var c in instanceId)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws <see cref="ArgumentException"/> if <paramref name="instanceId"/> breaks the rules.</summary>
    public static void EnsureValid(string? instanceId, string paramName = "instanceId")
    {
        if (!IsValid(instanceId))
        {
            throw new ArgumentException(
                $"Invalid orchestration instance id '{instanceId}': 1-{MaxLength} characters, no '/', '\\', '#', '?', control characters or leading '@'.",
                paramName);
        }
    }
}
