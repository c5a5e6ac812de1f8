namespace Helpdesk.Standalone.Hosting;

/// <summary>Events of the standalone host an operator searches for (event ids 7000–7099).</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 7001, EventName = "ScheduledJobFailed", Level = LogLevel.Error,
        Message = "Scheduled job {Job} failed; it runs again at its next occurrence.")]
    public static partial void ScheduledJobFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(EventId = 7002, EventName = "DevelopmentApiKey", Level = LogLevel.Warning,
        Message = "Development: no Helpdesk:ApiKey set, so technicians use the local key kept in {Path}.")]
    public static partial void DevelopmentApiKey(ILogger logger, string path);

    [LoggerMessage(EventId = 7010, EventName = "RequestBodyTimedOut", Level = LogLevel.Warning,
        Message = "{Method} {Path}: the request body broke the {Limit} limit after {BytesRead} of {ContentLength} bytes; answered 408.")]
    public static partial void RequestBodyTimedOut(ILogger logger, string method, string path, RequestBodyTimeoutKind limit, long bytesRead, long? contentLength);

    [LoggerMessage(EventId = 7011, EventName = "RateLimited", Level = LogLevel.Information,
        Message = "{Method} {Path} from {Client}: over the rate limit; answered 429.")]
    public static partial void RateLimited(ILogger logger, string method, string path, string client);

    [LoggerMessage(EventId = 7012, EventName = "UnhandledRequestError", Level = LogLevel.Error,
        Message = "{Method} {Path} failed with an unhandled exception; answered {Status}.")]
    public static partial void UnhandledRequestError(ILogger logger, Exception exception, string method, string path, int status);

    [LoggerMessage(EventId = 7020, EventName = "DurableEngineNotRun", Level = LogLevel.Warning,
        Message = "Durable engine not run in this process (Helpdesk:Durable:RunEngine=false): task hub {HubName} exists, SLA timers wait there for a host that runs the engine.")]
    public static partial void DurableEngineNotRun(ILogger logger, string hubName);
}
