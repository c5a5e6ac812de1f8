namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>One kind of failure: how many requests showed it and the first of them (lowest index) as a reproducer.</summary>
/// <param name="Kind">What went wrong and for which case (<c>HTTP 500 · tickets.multipart.header-without-colon</c>).</param>
/// <param name="Example">The reproducer; null when no request could be traced (an unreferenced blob without a trace token).</param>
/// <param name="Evidence">What was seen: the answer's status and body excerpt, or the blob's name.</param>
public sealed record FuzzFailure(string Kind, int Count, FuzzRequest? Example, string Evidence);
