namespace Uchastok.Rules.Tests.Safety;

/// <summary>
/// Photos built byte by byte, with metadata a phone writes: EXIF with the orientation, GPS and the camera's model,
/// XMP, a comment. The image segments are minimal but well formed, which is all the metadata stripper reads.
/// </summary>
public static class SafetyTestPhotos
{
    public const string Model = "PhoneCam-X9";

    public static byte[] JpegWithExif(ushort orientation = 6)
    {
        var body = new List<byte>();
        void Segment(byte marker, byte[] payload)
        {
            body.AddRange([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
            body.AddRange(payload);
        }
        body.AddRange([0xFF, 0xD8]);
        Segment(0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(0xE1, Exif(orientation));
        Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. "<x:xmpmeta>GPSLatitude 43.2389</x:xmpmeta>"u8]);
        Segment(0xFE, [.. "taken at home"u8]);
        Segment(0xDB, [0x00, .. Enumerable.Repeat((byte)1, 64)]); // a quantisation table
        Segment(0xC0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]); // 8×8, one component
        Segment(0xC4, [0x00, 1, .. new byte[15], 0]); // a Huffman table
        Segment(0xDA, [1, 1, 0x00, 0, 63, 0]); // start of scan
        body.AddRange([0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]); // entropy-coded data with a stuffed byte and a restart
        body.AddRange([0xFF, 0xD9]);
        return [.. body];
    }

    /// <summary>An EXIF block (big-endian) whose first directory holds the orientation, the camera's model and a GPS pointer.</summary>
    private static byte[] Exif(ushort orientation)
    {
        var model = "PhoneCam-X9\0"u8.ToArray();
        var tiff = new List<byte> { (byte)'M', (byte)'M', 0, 0x2A, 0, 0, 0, 8, 0, 3 };
        tiff.AddRange([0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0]);
        var modelOffset = 8 + 2 + (3 * 12) + 4;
        tiff.AddRange([0x01, 0x10, 0, 2, 0, 0, 0, (byte)model.Length, 0, 0, 0, (byte)modelOffset]);
        tiff.AddRange([0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, (byte)(modelOffset + model.Length)]);
        tiff.AddRange([0, 0, 0, 0]);
        tiff.AddRange(model);
        tiff.AddRange([0, 1, 0x00, 0x02, 0, 5, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0]); // a GPS directory: latitude
        return [.. "Exif\0\0"u8, .. tiff];
    }

    public static byte[] PngWithText()
    {
        var body = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        void Chunk(string type, byte[] data)
        {
            body.AddRange([(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length]);
            body.AddRange(System.Text.Encoding.ASCII.GetBytes(type));
            body.AddRange(data);
            body.AddRange([0, 0, 0, 0]); // the stripper copies chunks whole and does not check CRCs
        }
        Chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        Chunk("tEXt", [.. "Model\0"u8, .. System.Text.Encoding.ASCII.GetBytes(Model)]);
        Chunk("eXIf", [.. "MM\0*"u8, 0, 0, 0, 8]);
        Chunk("tIME", [0x07, 0xEA, 12, 7, 6, 0, 0]);
        Chunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0, 0, 0, 2, 0, 1]);
        Chunk("IEND", []);
        return [.. body];
    }
}
