using System.Collections.Frozen;

namespace Helpdesk.Core.Durable;

/// <summary>
/// The runtime-status table and the start-once rule of <see cref="IOrchestrationClient"/>, written once for both hosts.
/// The two SDKs have their own enums (DTFx <c>OrchestrationStatus</c> in the standalone host, durabletask-dotnet
/// <c>OrchestrationRuntimeStatus</c> in the Functions app) with the same member names, so each client maps its SDK's
/// value <em>by name</em> through this table and asks it which of its values are live; neither spells the rule itself.
/// </summary>
public static class DurableStatuses
{
    /// <summary>SDK status name → Core status. <c>Canceled</c> (obsolete in both SDKs, never set by them) reads as terminated.</summary>
    private static readonly FrozenDictionary<string, DurableRuntimeStatus> ByName = new Dictionary<string, DurableRuntimeStatus>
    {
        ["Pending"] = DurableRuntimeStatus.Pending,
        ["Running"] = DurableRuntimeStatus.Running,
        ["Completed"] = DurableRuntimeStatus.Completed,
        ["Failed"] = DurableRuntimeStatus.Failed,
        ["Terminated"] = DurableRuntimeStatus.Terminated,
        ["Canceled"] = DurableRuntimeStatus.Terminated,
        ["ContinuedAsNew"] = DurableRuntimeStatus.ContinuedAsNew,
        ["Suspended"] = DurableRuntimeStatus.Suspended,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Statuses in which <see cref="IOrchestrationClient.StartOnceAsync"/> leaves the instance alone (a silent no-op).
    /// Every other status (Completed, Failed, Terminated) is replaced by a fresh execution.
    /// </summary>
    public static IReadOnlySet<DurableRuntimeStatus> Live { get; } = new HashSet<DurableRuntimeStatus>
    {
        DurableRuntimeStatus.Pending,
        DurableRuntimeStatus.Running,
        DurableRuntimeStatus.ContinuedAsNew,
        DurableRuntimeStatus.Suspended,
    }.ToFrozenSet();

    /// <summary>The SDK status names this table knows (the members of both SDK enums).</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>Maps an SDK status by its name; a status this table does not know throws (a new SDK value must be decided here).</summary>
    public static DurableRuntimeStatus FromName(string sdkStatusName) =>
        ByName.TryGetValue(sdkStatusName, out var status)
            ? status
            : throw new ArgumentOutOfRangeException(nameof(sdkStatusName), sdkStatusName, "Unknown orchestration status: map it in DurableStatuses.");

    /// <summary>Maps a value of an SDK's status enum.</summary>
    public static DurableRuntimeStatus From<TSdkStatus>(TSdkStatus status) where TSdkStatus : struct, Enum =>
        FromName(Enum.GetName(status) ?? status.ToString());

    /// <summary>True when a start must not replace an instance in this status.</summary>
    public static bool IsLive(DurableRuntimeStatus status) => Live.Contains(status);

    /// <summary>The values of an SDK's status enum that are live: what each client passes as dedupe statuses.</summary>
    public static TSdkStatus[] LiveValuesOf<TSdkStatus>() where TSdkStatus : struct, Enum =>
        [.. Enum.GetValues<TSdkStatus>().Where(s => IsLive(From(s)))];
}
