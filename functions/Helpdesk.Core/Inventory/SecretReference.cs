namespace Helpdesk.Core.Inventory;

/// <summary>
/// Where a credential of the asset is kept: the name of a Key Vault secret, never its value. <see cref="Label"/> says
/// what it opens ("local admin", "iDRAC").
/// </summary>
public sealed record SecretReference(string Label, string SecretName);
