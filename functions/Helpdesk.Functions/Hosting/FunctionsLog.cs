using Microsoft.Extensions.Logging;

namespace Helpdesk.Functions.Hosting;

/// <summary>Events of the Functions app's own code an operator searches for (event ids 7100–7199).</summary>
internal static partial class FunctionsLog
{
    [LoggerMessage(EventId = 7101, EventName = "UnhandledRequestError", Level = LogLevel.Error,
        Message = "Function {Function} ({Method} {Path}) failed with an unhandled exception; answered {Status}.")]
    public static partial void UnhandledRequestError(ILogger logger, Exception exception, string function, string method, string path, int status);
}
