namespace Uchastok.Rules.CrimeAnalytics;

/// <summary>
/// The cells that make up "the area" for hit rate and PAI: a forecast ranks these cells only, 1 %
/// of the area is 1 % of them, and incidents outside them are not counted. Each cell has an index
/// (0..Count-1) in cell order (row, then column), the id every tie is broken by.
/// </summary>
public sealed class StudyArea
{
    private readonly Dictionary<GridCell, int> index;
    private readonly List<GridCell> cells;

    public StudyArea(CrimeGrid grid, IEnumerable<GridCell> cells)
    {
        Grid = grid ?? throw new ArgumentNullException(nameof(grid));
        this.cells = cells.Distinct().Order().ToList();
        if (this.cells.Count == 0) throw new ArgumentException("A study area needs at least one cell.", nameof(cells));
        index = new Dictionary<GridCell, int>(this.cells.Count);
        for (var i = 0; i < this.cells.Count; i++) index[this.cells[i]] = i;
    }

    public CrimeGrid Grid { get; }
    public int Count => cells.Count;
    public IReadOnlyList<GridCell> Cells => cells;
    public GridCell this[int cellIndex] => cells[cellIndex];

    /// <summary>The index of the cell, or -1 when it is outside the area.</summary>
    public int IndexOf(GridCell cell) => index.TryGetValue(cell, out var i) ? i : -1;

    /// <summary>The index of the cell holding the point, or -1 when it is outside the area.</summary>
    public int IndexOf(double longitude, double latitude) => IndexOf(Grid.CellOf(longitude, latitude));
}
