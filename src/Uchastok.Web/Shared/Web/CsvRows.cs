using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Uchastok.Web.Shared.Web;

/// <summary>Why an uploaded CSV was refused as a whole; its name is the last part of the importer's message key.</summary>
public enum CsvFileProblem { Empty, MissingColumns, TooManyRows, Unreadable }

/// <summary>What <see cref="CsvRows.ReadAsync"/> found: the data rows read, or the problem that refused the file (and the required columns it lacks).</summary>
public sealed record CsvRowsRead(int Rows, CsvFileProblem? Problem, string? MissingColumns);

/// <summary>
/// Reads an uploaded CSV the way the importers do: text as UTF-8, strictly (a byte-order mark names another encoding), the
/// delimiter guessed, a bad or missing field read as empty rather than failing the file; the header on row 1 names the
/// columns in any case. Each data row goes to the importer's reader with its row number and a field getter (null for
/// a column the file does not have). A file without a header, without a required column, with more rows than allowed
/// or that CsvHelper or the decoder cannot read is refused as a whole.
/// </summary>
public static class CsvRows
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="trimHeader">Whether the header's names are trimmed before the row reader looks a column up.</param>
    public static async Task<CsvRowsRead> ReadAsync(Stream csv, IEnumerable<string> required, int maxRows, bool trimHeader,
        Action<int, Func<string, string?>> readRow, CancellationToken cancellationToken)
    {
        var read = 0;
        // Strict UTF-8: a file saved in another encoding (Excel's CSV in Windows-1251, common here) is refused as unreadable
        // rather than imported with its names turned to replacement characters.
        using var reader = new StreamReader(csv, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null, DetectDelimiter = true });
        try
        {
            if (!await parser.ReadAsync() || !parser.ReadHeader()) return new(0, CsvFileProblem.Empty, null);
            var header = parser.HeaderRecord ?? [];
            var missing = required.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0) return new(0, CsvFileProblem.MissingColumns, string.Join(", ", missing));
            var index = header.Select((h, i) => (h: trimHeader ? h.Trim() : h, i)).GroupBy(x => x.h, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
            while (await parser.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (++read > maxRows) return new(read, CsvFileProblem.TooManyRows, null);
                var row = read + 1; // the header is row 1
                readRow(row, name => index.TryGetValue(name, out var i) && parser.TryGetField<string>(i, out var value) ? value : null);
            }
        }
        catch (Exception exception) when (exception is CsvHelperException or DecoderFallbackException)
        {
            return new(read, CsvFileProblem.Unreadable, null);
        }
        return new(read, null, null);
    }
}
