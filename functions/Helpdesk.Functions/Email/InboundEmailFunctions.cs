using Helpdesk.Core.Email;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Email;

/// <summary>
/// Inbound mail routes. Raw, SendGrid and Postmark need a function key (<c>?code=</c> or <c>x-functions-key</c>): give
/// them a key of their own named <c>inbound</c> (the technicians' functions keep theirs), so a webhook URL that leaks
/// opens nothing else. Mailgun cannot send a key: it is anonymous here and Core checks Mailgun's signature.
/// </summary>
public sealed class InboundEmailFunctions(InboundHandler inbound)
{
    [Function("InboundEmailRaw")]
    public Task<IResult> Raw([HttpTrigger(AuthorizationLevel.Function, "post", Route = InboundRoutes.Raw)] HttpRequest request, CancellationToken cancellationToken) =>
        inbound.RawAsync(request, cancellationToken);

    [Function("InboundEmailSendGrid")]
    public Task<IResult> SendGrid([HttpTrigger(AuthorizationLevel.Function, "post", Route = InboundRoutes.SendGrid)] HttpRequest request, CancellationToken cancellationToken) =>
        inbound.SendGridAsync(request, cancellationToken);

    [Function("InboundEmailPostmark")]
    public Task<IResult> Postmark([HttpTrigger(AuthorizationLevel.Function, "post", Route = InboundRoutes.Postmark)] HttpRequest request, CancellationToken cancellationToken) =>
        inbound.PostmarkAsync(request, cancellationToken);

    [Function("InboundEmailMailgun")]
    public Task<IResult> Mailgun([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = InboundRoutes.Mailgun)] HttpRequest request, CancellationToken cancellationToken) =>
        inbound.MailgunAsync(request, cancellationToken);
}
