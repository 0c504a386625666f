using System.Text;
using System.Text.Json.Nodes;
using Research.Jupyter.Protocol;

namespace Research.Jupyter.Tests.Protocol;

public sealed class WireFormatTests
{
    private static readonly MessageSigner Signer = new("a-secret-key");

    [Fact]
    public void Signature_is_hmac_sha256_over_the_four_frames_as_rfc_4231_computes_it()
    {
        // RFC 4231 test case 2, the data split over the four frames the protocol signs.
        var signer = new MessageSigner("Jefe");
        var signature = signer.Sign("what do "u8, "ya want "u8, "for "u8, "nothing?"u8);
        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }

    [Fact]
    public void A_message_round_trips_with_identities_and_buffers()
    {
        var message = Message("execute_request", new JsonObject { ["code"] = "1 + 1" });
        var decoded = WireFormat.Decode(WireFormat.Encode(message, Signer), Signer, new ReplayGuard());
        Assert.Equal("execute_request", decoded.MessageType);
        Assert.Equal("1 + 1", JupyterMessage.Text(decoded.Content, "code"));
        Assert.Equal("client"u8.ToArray(), Assert.Single(decoded.Identities));
    }

    [Fact]
    public void A_wrong_signature_is_refused_before_anything_is_read()
    {
        var frames = WireFormat.Encode(Message("execute_request", new JsonObject { ["code"] = "1" }), new MessageSigner("another-key"));
        var e = Assert.Throws<InvalidMessageException>(() => WireFormat.Decode(frames, Signer));
        Assert.False(e.Authenticated);
        Assert.Contains("signature", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_signature_is_refused_when_the_key_is_set()
    {
        var frames = WireFormat.Encode(Message("execute_request", new JsonObject()), new MessageSigner(string.Empty));
        var e = Assert.Throws<InvalidMessageException>(() => WireFormat.Decode(frames, Signer));
        Assert.Contains("not signed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_key_means_unsigned_messages_are_accepted_and_sent()
    {
        var unsigned = new MessageSigner(string.Empty);
        var frames = WireFormat.Encode(Message("kernel_info_request", new JsonObject()), unsigned);
        Assert.Empty(frames[2]);
        Assert.Equal("kernel_info_request", WireFormat.Decode(frames, unsigned).MessageType);
    }

    [Fact]
    public void A_replayed_message_is_refused()
    {
        var replays = new ReplayGuard();
        var frames = WireFormat.Encode(Message("execute_request", new JsonObject { ["code"] = "1" }), Signer);
        WireFormat.Decode(frames, Signer, replays);
        Assert.Throws<InvalidMessageException>(() => WireFormat.Decode(frames, Signer, replays));
    }

    [Fact]
    public void Signed_content_that_is_not_json_is_refused_with_the_header_kept_for_an_error_reply()
    {
        var frames = WireFormat.Encode(Message("execute_request", new JsonObject()), Signer);
        frames[^1] = Encoding.UTF8.GetBytes("{not json");
        frames[2] = Encoding.ASCII.GetBytes(Signer.Sign(frames[3], frames[4], frames[5], frames[6]));
        var e = Assert.Throws<InvalidMessageException>(() => WireFormat.Decode(frames, Signer));
        Assert.True(e.Authenticated);
        Assert.Equal("execute_request", JupyterMessage.Text(e.Header!, "msg_type"));
    }

    [Fact]
    public void Frames_without_the_delimiter_are_not_a_message()
    {
        var e = Assert.Throws<InvalidMessageException>(() => WireFormat.Decode([[1, 2, 3]], Signer));
        Assert.Contains("delimiter", e.Message, StringComparison.Ordinal);
    }

    private static JupyterMessage Message(string type, JsonObject content) => new()
    {
        Identities = ["client"u8.ToArray()],
        Header = new JsonObject { ["msg_id"] = Guid.NewGuid().ToString(), ["msg_type"] = type, ["session"] = "s", ["username"] = "u", ["version"] = "5.3", ["date"] = "2026-01-01T00:00:00Z" },
        Content = content,
    };
}
