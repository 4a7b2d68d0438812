namespace Uchastok.Web;

/// <summary>Anchor type for the shared string resources in <c>Resources/SharedResource*.resx</c> (en, ru, kk).</summary>
public sealed class SharedResource;
