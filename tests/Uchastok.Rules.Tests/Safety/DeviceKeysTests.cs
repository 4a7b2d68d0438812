using Uchastok.Rules.Safety;

namespace Uchastok.Rules.Tests.Safety;

public sealed class DeviceKeysTests
{
    [Fact]
    public void NewKey_Is32RandomBytesAsUnpaddedBase64Url_AndDifferentEachTime()
    {
        var keys = Enumerable.Range(0, 50).Select(_ => DeviceKeys.NewKey()).ToList();

        Assert.All(keys, k => Assert.True(DeviceKeys.IsWellFormed(k), k));
        Assert.All(keys, k => Assert.Equal(32, Convert.FromBase64String(k.Replace('-', '+').Replace('_', '/') + "=").Length));
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Matches_TheKeyItsHashWasMadeFrom_AndNoOther()
    {
        var key = DeviceKeys.NewKey();
        var hash = DeviceKeys.Hash(key);

        Assert.Equal(64, hash.Length);
        Assert.True(DeviceKeys.Matches(key, hash));
        Assert.False(DeviceKeys.Matches(DeviceKeys.NewKey(), hash));
        Assert.False(DeviceKeys.Matches(key, null));
        Assert.False(DeviceKeys.Matches(key, ""));
        Assert.False(DeviceKeys.Matches(key, new string('z', 64)));
    }

    [Theory]
    [InlineData("Device 17:{key}", 17)]
    [InlineData("device 17:{key}", 17)]
    [InlineData("DEVICE   3:{key}", 3)]
    [InlineData("  Device 123456789:{key}  ", 123456789)]
    public void Parse_TheDeviceScheme_GivesIdAndKey(string header, int id)
    {
        var key = DeviceKeys.NewKey();

        var parsed = DeviceKeys.Parse(header.Replace("{key}", key, StringComparison.Ordinal));

        Assert.Equal(new DeviceCredentials(id, key), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Device")]
    [InlineData("Device ")]
    [InlineData("Bearer 17:{key}")]
    [InlineData("Basic MTc6a2V5")]
    [InlineData("Devices 17:{key}")]
    [InlineData("Device17:{key}")]
    [InlineData("Device 17{key}")]
    [InlineData("Device :{key}")]
    [InlineData("Device 0:{key}")]
    [InlineData("Device -1:{key}")]
    [InlineData("Device +1:{key}")]
    [InlineData("Device 1234567890:{key}")]
    [InlineData("Device ١٧:{key}")] // Arabic-Indic digits are digits to char.IsDigit, not to a device
    [InlineData("Device 17:short")]
    [InlineData("Device 17:{key}x")]
    [InlineData("Device 17: {key}")]
    [InlineData("Device 17:{key}:18")]
    public void Parse_AnythingElse_IsNull(string? header)
    {
        var key = DeviceKeys.NewKey();

        Assert.Null(DeviceKeys.Parse(header?.Replace("{key}", key, StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_AKeyWithCharactersOutsideBase64Url_IsNull()
    {
        var key = DeviceKeys.NewKey();

        Assert.Null(DeviceKeys.Parse("Device 1:" + key[..42] + "+"));
        Assert.Null(DeviceKeys.Parse("Device 1:" + key[..42] + "="));
        Assert.Null(DeviceKeys.Parse("Device 1:" + key[..42] + "ж"));
        Assert.Null(DeviceKeys.Parse("Device 1:" + new string('a', 300)));
    }
}

public sealed class AlarmEventsTests
{
    [Theory]
    [InlineData("https://cam.example.kz/clip/123?t=5")]
    [InlineData("HTTPS://CAM.EXAMPLE.KZ/a")]
    [InlineData("https://10.0.0.5:8443/stream")]
    public void MediaUrl_Https_IsKept(string url) => Assert.NotNull(AlarmEvents.MediaUrl(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("http://cam.example.kz/clip")]
    [InlineData("ftp://cam.example.kz/clip")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("//cam.example.kz/clip")]
    [InlineData("/clip/1")]
    [InlineData("https://user:secret@cam.example.kz/clip")]
    [InlineData("https://")]
    public void MediaUrl_AnythingButAbsoluteHttpsWithoutCredentials_IsRefused(string? url) => Assert.Null(AlarmEvents.MediaUrl(url));

    [Fact]
    public void MediaUrl_LongerThan2000Characters_IsRefused()
    {
        var prefix = "https://cam.example.kz/";
        Assert.NotNull(AlarmEvents.MediaUrl(prefix + new string('a', AlarmEvents.MaxMediaUrlLength - prefix.Length)));
        Assert.Null(AlarmEvents.MediaUrl(prefix + new string('a', AlarmEvents.MaxMediaUrlLength - prefix.Length + 1)));
    }

    [Theory]
    [InlineData("e-1", true)]
    [InlineData("2026-12-07T10:00:00Z#17", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("with space", false)]
    [InlineData("кириллица", false)]
    [InlineData("tab\t", false)]
    public void IsEventId_VisibleAsciiOnly(string? eventId, bool expected) => Assert.Equal(expected, AlarmEvents.IsEventId(eventId));

    [Fact]
    public void IsEventId_AtMost64Characters()
    {
        Assert.True(AlarmEvents.IsEventId(new string('x', 64)));
        Assert.False(AlarmEvents.IsEventId(new string('x', 65)));
    }

    [Fact]
    public void Alarm_IsNotACategoryAResidentCanChoose()
    {
        Assert.DoesNotContain(SafetyCategory.Alarm, SafetyCategories.All);
        Assert.Null(SafetyCategories.Parse("alarm"));
        Assert.Equal("alarm", SafetyCategories.ApiName(SafetyCategory.Alarm));
    }
}
