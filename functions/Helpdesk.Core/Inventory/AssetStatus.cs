namespace Helpdesk.Core.Inventory;

/// <summary>Where an asset is in its life. A retired asset stays in the inventory (its history matters) but is never reminded about.</summary>
public enum AssetStatus
{
    Active,
    InRepair,
    Retired,
}
