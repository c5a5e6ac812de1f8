using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone;

/// <summary>
/// The technician API key of the standalone host (setting <c>Helpdesk:ApiKey</c>, env <c>Helpdesk__ApiKey</c>),
/// sent in the <c>x-functions-key</c> header exactly as a function key is sent to the Functions app.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Helpdesk";
    public const string Header = "x-functions-key";
    public const int MinLength = 24;

    public string? ApiKey { get; set; }
}

public sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options) =>
        options.ApiKey is { Length: >= ApiKeyOptions.MinLength }
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Helpdesk:ApiKey (env Helpdesk__ApiKey) must be set to a random key of at least {ApiKeyOptions.MinLength} characters: technicians' API calls present it in the {ApiKeyOptions.Header} header.");
}

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
