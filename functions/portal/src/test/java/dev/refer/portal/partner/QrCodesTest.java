package dev.refer.portal.partner;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.refer.core.link.LinkCode;
import dev.refer.testkit.events.ApiEvent;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The QR codes scan back to the short link, PNG and SVG alike; short links come from the base or the request. */
class QrCodesTest {

    private static final String URL = "https://go.program.example/anna-news";

    @Test
    void thePng_scansBackToTheShortLink() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(URL)));
        assertEquals(image.getWidth(), image.getHeight());
        assertEquals(URL, decode(image));
    }

    @Test
    void theSvg_drawsTheSameModules_andScansBackToTheShortLink() throws Exception {
        String svg = QrCodes.svg(URL);
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(size.find(), svg);
        int modules = Integer.parseInt(size.group(1));
        // paint the path's unit squares ("M x y h1v1h-1z") at 4 px a module, as a browser would
        int scale = 4;
        BufferedImage image = new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        int dark = 0;
        while (square.find()) {
            int mx = Integer.parseInt(square.group(1));
            int my = Integer.parseInt(square.group(2));
            for (int y = my * scale; y < (my + 1) * scale; y++) {
                for (int x = mx * scale; x < (mx + 1) * scale; x++) {
                    image.setRGB(x, y, 0);
                }
            }
            dark++;
        }
        assertTrue(dark > 100);
        assertEquals(URL, decode(image));
    }

    @Test
    void shortLinks_useTheConfiguredBase_elseTheRequestsAddress() throws Exception {
        var request = dev.refer.lambda.HttpRequest.of(dev.refer.lambda.LambdaJson.readHttpEvent(
                ApiEvent.fixture("http-api-request.json").route("GET /portal/links", "/portal/links",
                        java.util.Map.of()).header("host", "abc.execute-api.example")
                        .header("x-forwarded-proto", "https").json()));
        assertEquals("https://go.example/abc", new ShortLinks("https://go.example/").resolve(request)
                .url(new LinkCode("abc")));
        assertEquals("https://abc.execute-api.example/abc", new ShortLinks("").resolve(request)
                .url(new LinkCode("abc")));
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
