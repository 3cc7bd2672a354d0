using System.Security.Cryptography;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Platform;

/// <summary>The unprotect cache in front of Data Protection changes speed, never answers.</summary>
public sealed class UnprotectCacheTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public void Repeated_payloads_unprotect_to_private_copies_and_forged_or_foreign_ones_still_fail()
    {
        var provider = app.Services.GetRequiredService<IDataProtectionProvider>();
        Assert.IsType<CachingDataProtectionProvider>(provider);
        var protector = provider.CreateProtector("test").CreateProtector("cache");
        var secret = "서명 쿠키"u8.ToArray();
        var sealedBytes = protector.Protect(secret);

        var first = protector.Unprotect(sealedBytes);
        first[0] ^= 0xFF; // a caller scribbling on its copy
        Assert.Equal(secret, protector.Unprotect(sealedBytes));

        // Another purpose may not read it, cached or not; a changed byte is refused every time.
        Assert.ThrowsAny<CryptographicException>(() => provider.CreateProtector("test").CreateProtector("other").Unprotect(sealedBytes));
        var forged = (byte[])sealedBytes.Clone();
        forged[^1] ^= 0x01;
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(forged));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(forged));
    }
}
