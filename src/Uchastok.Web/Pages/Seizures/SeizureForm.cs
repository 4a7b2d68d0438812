using Uchastok.Web.WeaponSeizures;

namespace Uchastok.Web.Pages.Seizures;

/// <summary>The seizure form as posted: an address (the API also takes a point), item rows, determinants, protocol and incident.</summary>
public sealed class SeizureForm
{
    /// <summary>Rows the form opens with, and adds at a time: most seizures are a weapon or two with their ammunition.</summary>
    public const int RowStep = 3;

    public string? SeizedOn { get; set; }
    public string? Address { get; set; }
    public List<SeizureItemForm> Items { get; set; } = [];
    public List<int> Determinants { get; set; } = [];
    public long? ProtocolId { get; set; }
    public string? ProtocolNumber { get; set; }
    public string? IncidentNumber { get; set; }

    /// <summary>The request the API would get: rows left wholly empty are not items.</summary>
    public WeaponSeizureRequest ToRequest() => new(
        SeizedOn, null, null, Address,
        Items.Where(i => !i.IsEmpty).Select(i => new WeaponSeizureItemRequest(i.Category, i.Count, i.Type, i.Make, i.Model, i.Calibre, i.Series, i.Number)).ToList(),
        Determinants, ProtocolId, ProtocolNumber, IncidentNumber);

    /// <summary>The position an item row has in the request (empty rows skipped), so a refusal for items[n] shows under its row.</summary>
    public int? RequestIndex(int row)
    {
        if (row >= Items.Count || Items[row].IsEmpty) return null;
        return Items.Take(row).Count(i => !i.IsEmpty);
    }

    public void EnsureRows(int extra = 0)
    {
        var wanted = Math.Max(RowStep, Items.Count + extra);
        while (Items.Count < wanted) Items.Add(new SeizureItemForm());
    }
}

public sealed class SeizureItemForm
{
    public string? Category { get; set; }
    public int? Count { get; set; }
    public string? Type { get; set; }
    public string? Make { get; set; }
    public string? Model { get; set; }
    public string? Calibre { get; set; }
    public string? Series { get; set; }
    public string? Number { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Category) && Count is null
        && new[] { Type, Make, Model, Calibre, Series, Number }.All(string.IsNullOrWhiteSpace);
}
