using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Onboarding.Core.Loading;

namespace Onboarding.Core.Tests.Hashing;

/// <summary>
/// Sources and artifacts are hashed in managed code until a process has hashed enough for OpenSSL's loading to pay,
/// and by OpenSSL after that. Whichever one hashes, the manifest must record the same SHA-256.
/// </summary>
public sealed class Sha256Specs
{
    /// <summary>Message lengths where padding changes shape: the length field fits, just fails to fit, and blocks end.</summary>
    private static readonly int[] BlockBoundaries = [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 121, 127, 128, 129, 183, 184, 191, 192];

    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
    public void The_fips_180_test_messages_have_their_published_digests(string message, string digest)
    {
        Assert.Equal(digest, ManagedHex(Encoding.ASCII.GetBytes(message)));
    }

    [Fact]
    public void A_million_a_has_its_published_digest()
    {
        var message = new byte[1_000_000];
        message.AsSpan().Fill((byte)'a');

        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", ManagedHex(message));
    }

    [Fact]
    public void Every_length_up_to_five_thousand_bytes_hashes_as_the_platform_hashes_it()
    {
        var random = new Random(180_4);
        var message = new byte[5_000];
        random.NextBytes(message);

        for (var length = 0; length <= message.Length; length++)
        {
            var slice = message.AsSpan(0, length);
            Assert.True(ManagedHex(slice) == Convert.ToHexStringLower(SHA256.HashData(slice)), $"length {length}");
        }
    }

    [Fact]
    public void Random_messages_of_any_length_and_alignment_hash_as_the_platform_hashes_them()
    {
        var lengths = Gen.OneOf(Gen.Elements(BlockBoundaries), Gen.Choose(0, 5_000), Gen.Elements(BlockBoundaries).Select(b => b + (64 * 40)));
        var cases = Gen.Choose(0, int.MaxValue).Zip(lengths).Zip(Gen.Choose(0, 15));
        var property = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var ((seed, length), offset) = c;
            var buffer = new byte[offset + length];
            new Random(seed).NextBytes(buffer);
            var message = buffer.AsSpan(offset);

            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(message)), ManagedHex(message));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }

    [Fact]
    public void Each_block_boundary_hashes_as_the_platform_hashes_it()
    {
        foreach (var length in BlockBoundaries)
        {
            var message = Enumerable.Range(0, length).Select(i => (byte)(i * 31)).ToArray();

            Assert.True(ManagedHex(message) == Convert.ToHexStringLower(SHA256.HashData(message)), $"length {length}");
        }
    }

    [Fact]
    public void The_digest_fills_only_the_first_32_bytes_of_a_larger_destination()
    {
        var destination = new byte[40];
        destination.AsSpan().Fill(0xAA);

        Sha256.Hash("abc"u8, destination);

        Assert.Equal(SHA256.HashData("abc"u8), destination[..32]);
        Assert.All(destination[32..], b => Assert.Equal(0xAA, b));
    }

    [Fact]
    public void A_destination_too_small_for_the_digest_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sha256.Hash("abc"u8, new byte[31]));
    }

    [Fact]
    public void The_same_content_hashes_the_same_in_managed_code_and_once_openssl_took_over()
    {
        var content = Encoding.UTF8.GetBytes("team: data\nbundles:\n  - name: ingest\n    repo: acme/ingest\n");
        var expected = Convert.ToHexStringLower(SHA256.HashData(content));

        long fresh = 0;
        var managed = Sha256.ToHex(content, ref fresh);
        var spent = Sha256.ManagedBudget;
        var byOpenSsl = Sha256.ToHex(content, ref spent);

        Assert.Equal(content.Length, fresh);
        Assert.True(spent > Sha256.ManagedBudget, $"{spent} bytes counted");
        Assert.Equal(expected, managed);
        Assert.Equal(expected, byOpenSsl);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64 * 1024)]
    public void Content_padded_to_either_side_of_the_budget_hashes_as_the_platform_hashes_it(int beyondBudget)
    {
        var content = Padded("team: data\r\nbundles: []\r\n", (int)Sha256.ManagedBudget + beyondBudget);

        long fresh = 0;
        var hex = Sha256.ToHex(content, ref fresh);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), hex);
        Assert.Equal(content.Length, fresh);
        Assert.Equal(beyondBudget <= 0, fresh <= Sha256.ManagedBudget);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData((int)Sha256.ManagedBudget + 1_000)]
    public void A_source_is_hashed_in_lowercase_hex_with_crlf_read_as_lf(int size)
    {
        var windows = Padded("team: data\r\nbundles: []\r\n", size);
        var unix = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(windows).Replace("\r\n", "\n", StringComparison.Ordinal));

        var hash = PlatformLoader.Hash(windows);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(unix)), hash);
        Assert.Equal(hash, PlatformLoader.Hash(unix));
    }

    private static string ManagedHex(ReadOnlySpan<byte> message)
    {
        Span<byte> digest = stackalloc byte[Sha256.DigestSize];
        Sha256.Hash(message, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>The text followed by comment lines, CRLF-ended as the text is, to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Padded(string text, int size)
    {
        var builder = new StringBuilder(text, size);
        while (builder.Length < size)
        {
            builder.Append("# padding\r\n", 0, Math.Min(11, size - builder.Length));
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
