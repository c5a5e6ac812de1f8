namespace Helpdesk.Core.Email;

/// <summary>A webhook delivery without the fields its format requires: answered 400 with this message.</summary>
public sealed class WebhookFormatException(string message, Exception? inner = null) : Exception(message, inner);
