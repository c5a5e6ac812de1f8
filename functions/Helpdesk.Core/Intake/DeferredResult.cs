using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Intake;

/// <summary>
/// A result built when it executes, so that a synchronous handler (<see cref="IntakeHandler.GetForm"/>, whose signature
/// both hosts bind) can still read storage first.
/// </summary>
internal sealed class DeferredResult(Func<CancellationToken, Task<IResult>> build) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var result = await build(httpContext.RequestAborted);
        await result.ExecuteAsync(httpContext);
    }
}
