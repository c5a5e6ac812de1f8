namespace Helpdesk.Core.Durable;

/// <summary>Snapshot of an orchestration instance.</summary>
/// <param name="InstanceId">The instance id (business key).</param>
/// <param name="Name">The orchestration name.</param>
/// <param name="RuntimeStatus">The runtime status.</param>
/// <param name="CreatedAt">When the current execution was created (UTC).</param>
/// <param name="LastUpdatedAt">When the instance last changed (UTC).</param>
/// <param name="SerializedOutput">The output as JSON (<see cref="DurableJson.Options"/>) once completed; failure details when failed; otherwise <c>null</c>.</param>
public sealed record OrchestrationInfo(
    string InstanceId,
    string Name,
    DurableRuntimeStatus RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? SerializedOutput = null)
{
    /// <summary>True for Completed, Failed and Terminated.</summary>
    public bool IsTerminal => RuntimeStatus is DurableRuntimeStatus.Completed or DurableRuntimeStatus.Failed or DurableRuntimeStatus.Terminated;

    /// <summary>Deserializes <see cref="SerializedOutput"/> with <see cref="DurableJson.Options"/>.</summary>
    public T? ReadOutput<T>() => SerializedOutput is null ? default : System.Text.Json.JsonSerializer.Deserialize<T>(SerializedOutput, DurableJson.Options);
}
