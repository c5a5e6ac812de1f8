using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Email;

/// <summary>
/// Refuses inbound mail deliveries without the inbound key (query <c>code</c> or header <c>x-functions-key</c>, as
/// Azure Functions function keys are sent), compared in constant time. The twin of <c>AuthorizationLevel.Function</c>
/// with the inbound function key on Azure.
/// </summary>
public sealed class InboundKeyFilter(IOptions<InboundKeyOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var presented = request.Headers[InboundKeyOptions.Header].ToString();
        if (presented.Length == 0)
        {
            presented = request.Query[InboundKeyOptions.Query].ToString();
        }

        var expected = options.Value.Key;
        if (expected is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Inbound mail not configured",
                detail: "This host has no inbound key (Helpdesk:Inbound:Key): inbound mail is refused.");
        }

        if (presented.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Inbound key required",
                detail: $"Send the inbound key as ?{InboundKeyOptions.Query}= or in the {InboundKeyOptions.Header} header.");
        }

        return await next(context);
    }
}
