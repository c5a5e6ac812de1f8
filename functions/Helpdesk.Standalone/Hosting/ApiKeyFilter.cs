using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Hosting;

/// <summary>Refuses technician routes without the right key (constant-time comparison).</summary>
public sealed class ApiKeyFilter(IOptions<ApiKeyOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[ApiKeyOptions.Header].ToString();
        var expected = options.Value.ApiKey ?? "";
        if (presented.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
                detail: $"Send the technician API key in the {ApiKeyOptions.Header} header.");
        }

        return await next(context);
    }
}
