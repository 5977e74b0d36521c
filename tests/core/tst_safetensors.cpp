// safetensors I/O: round trips of every dtype, header order and metadata,
// on-disk layout (8-byte alignment, atomic replace), a file laid out by
// PyTorch's writer, and a clear SafetensorsError for every kind of hostile file.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstring>
#include <nlohmann/json.hpp>

#include "paratrace/io/safetensors.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::io;

namespace {

std::string le_u64(std::uint64_t v) {
  std::string out;
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  return out;
}

// A file with the given header text and `data_bytes` zero bytes of data.
QByteArray make_file(const std::string& header, std::size_t data_bytes) {
  const std::string bytes = le_u64(header.size()) + header + std::string(data_bytes, '\0');
  return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

std::string write_bytes(const QTemporaryDir& dir, const QByteArray& bytes) {
  const QString path = dir.filePath(QStringLiteral("hostile.safetensors"));
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) qFatal("cannot write test file");
  return path.toStdString();
}

QByteArray read_all(const std::string& path) {
  QFile f(QString::fromStdString(path));
  if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read test file");
  return f.readAll();
}

// Same dtype, shape and values (written without ops beyond to_vector, so the
// suite depends on the I/O code only).
bool same_tensor(const Tensor& a, const Tensor& b) {
  return a.dtype() == b.dtype() && a.sizes() == b.sizes() && a.to_vector<double>() == b.to_vector<double>();
}

}  // namespace

class TestSafetensors : public QObject {
  Q_OBJECT
 private slots:
  void roundTripPreservesEveryDtype_data() {
    QTest::addColumn<int>("dtype");
    QTest::newRow("F32") << static_cast<int>(ScalarType::Float32);
    QTest::newRow("F64") << static_cast<int>(ScalarType::Float64);
    QTest::newRow("I64") << static_cast<int>(ScalarType::Int64);
    QTest::newRow("U8") << static_cast<int>(ScalarType::UInt8);
    QTest::newRow("BOOL") << static_cast<int>(ScalarType::Bool);
  }

  void roundTripPreservesEveryDtype() {
    QFETCH(int, dtype);
    const auto type = static_cast<ScalarType>(dtype);
    const Tensor t = to(tensor({{0.0, 1.0, 2.5}, {0.0, 7.0, 255.0}}), type);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("t.safetensors")).toStdString();
    save_safetensors(path, {{"x", t}});
    const auto loaded = load_safetensors(path);
    QCOMPARE(loaded.tensors.size(), std::size_t{1});
    QCOMPARE(loaded.tensors[0].first, std::string("x"));
    const Tensor& x = loaded.tensors[0].second;
    QCOMPARE(dtype_name(x.dtype()), dtype_name(type));
    QCOMPARE(x.sizes(), (Shape{2, 3}));
    QVERIFY(same_tensor(x, t));
  }

  void roundTripKeepsOrderShapesAndMetadata() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("m.safetensors")).toStdString();
    const NamedTensors tensors = {{"z.last_in_name_order", tensor({1.0, 2.0, 3.0})},
                                  {"a.scalar", scalar_tensor(4.5, ScalarType::Float64)},
                                  {"m.empty", zeros({0, 3})},
                                  {"b.byte", tensor({1, 2, 3}, ScalarType::UInt8)}};
    save_safetensors(path, tensors, {{"format", "pt"}, {"note", "héllo \"quoted\""}});
    const auto loaded = load_safetensors(path);
    QCOMPARE(loaded.tensors.size(), tensors.size());
    for (std::size_t i = 0; i < tensors.size(); ++i) {
      QCOMPARE(loaded.tensors[i].first, tensors[i].first);
      QCOMPARE(loaded.tensors[i].second.sizes(), tensors[i].second.sizes());
      QVERIFY(same_tensor(loaded.tensors[i].second, tensors[i].second));
    }
    QCOMPARE(loaded.metadata.size(), std::size_t{2});
    QCOMPARE(loaded.metadata.at("note"), std::string("héllo \"quoted\""));
    QCOMPARE(loaded.metadata.at("format"), std::string("pt"));
  }

  // Packed without gaps (the reference reader rejects gaps), wide types first,
  // so every tensor is aligned to its element size; header order is the caller's.
  void savedLayoutIsPackedAndAlignedToElementSize() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("a.safetensors")).toStdString();
    save_safetensors(path, {{"u", tensor({1, 2, 3}, ScalarType::UInt8)},
                            {"f", tensor({1.0, 2.0})},
                            {"b", tensor({true})},
                            {"d", tensor({1.0}, ScalarType::Float64)}});
    const QByteArray bytes = read_all(path);
    std::uint64_t n = 0;
    std::memcpy(&n, bytes.constData(), 8);
    QCOMPARE((8 + n) % 8, std::uint64_t{0});
    const auto header = nlohmann::ordered_json::parse(bytes.constData() + 8, bytes.constData() + 8 + n);
    std::vector<std::string> order;
    for (const auto& [name, entry] : header.items()) order.push_back(name);
    QCOMPARE(order, (std::vector<std::string>{"u", "f", "b", "d"}));
    auto span = [&](const char* name) {
      return std::pair{header.at(name).at("data_offsets")[0].get<int>(), header.at(name).at("data_offsets")[1].get<int>()};
    };
    QCOMPARE(span("d"), std::pair(0, 8));
    QCOMPARE(span("f"), std::pair(8, 16));
    QCOMPARE(span("u"), std::pair(16, 19));
    QCOMPARE(span("b"), std::pair(19, 20));
    QCOMPARE(bytes.size(), qsizetype(8 + n + 20));
  }

  void nonContiguousTensorIsSavedInRowMajorOrder() {
    // expand gives stride 0 along dim 1: the file must hold the expanded values.
    const Tensor t = expand(reshape(tensor({1.0, 2.0, 3.0}), {3, 1}), {3, 2});
    QVERIFY(!t.is_contiguous());
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("nc.safetensors")).toStdString();
    save_safetensors(path, {{"t", t}});
    const Tensor x = load_safetensors(path).tensors.at(0).second;
    QCOMPARE(x.to_vector<float>(), (std::vector<float>{1, 1, 2, 2, 3, 3}));
  }

  void tensorThatRequiresGradIsSaved() {
    const Tensor t = tensor({1.0, 2.0}).requires_grad_();
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("g.safetensors")).toStdString();
    save_safetensors(path, {{"w", t}});
    const Tensor x = load_safetensors(path).tensors.at(0).second;
    QVERIFY(!x.requires_grad());
    QCOMPARE(x.to_vector<float>(), (std::vector<float>{1, 2}));
  }

  void inPlaceChangeOfLoadedTensorLeavesFileUntouched() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("w.safetensors")).toStdString();
    save_safetensors(path, {{"w", tensor({1.0, 2.0})}});
    {
      Tensor x = load_safetensors(path).tensors.at(0).second;
      x.fill_(9.0);
      QCOMPARE(x.to_vector<float>(), (std::vector<float>{9, 9}));
    }
    QCOMPARE(load_safetensors(path).tensors.at(0).second.to_vector<float>(), (std::vector<float>{1, 2}));
  }

  void loadedTensorOutlivesTheContentsStruct() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("o.safetensors")).toStdString();
    save_safetensors(path, {{"w", tensor({3.0, 4.0})}});
    Tensor x;
    { x = load_safetensors(path).tensors.at(0).second; }
    QCOMPARE(x.to_vector<float>(), (std::vector<float>{3, 4}));
  }

  void saveReplacesExistingFileAndLeavesNoTemporary() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("r.safetensors")).toStdString();
    save_safetensors(path, {{"old", tensor({1.0})}});
    save_safetensors(path, {{"new", tensor({2.0, 3.0})}});
    const auto loaded = load_safetensors(path);
    QCOMPARE(loaded.tensors.size(), std::size_t{1});
    QCOMPARE(loaded.tensors[0].first, std::string("new"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("r.safetensors")});
  }

  void saveRejectsDuplicateAndReservedNames() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("d.safetensors")).toStdString();
    PT_VERIFY_THROWS(SafetensorsError, save_safetensors(path, {{"a", tensor({1.0})}, {"a", tensor({2.0})}}),
                     "duplicate tensor name 'a'");
    PT_VERIFY_THROWS(SafetensorsError, save_safetensors(path, {{"__metadata__", tensor({1.0})}}), "reserved");
    PT_VERIFY_THROWS(SafetensorsError, save_safetensors(path, {{"u", Tensor()}}), "tensor 'u' is undefined");
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
  }

  void saveIntoMissingDirectoryNamesTheFile() {
    PT_VERIFY_THROWS(SafetensorsError, save_safetensors("/nonexistent-dir/x.safetensors", {{"a", tensor({1.0})}}),
                     "/nonexistent-dir/x.safetensors");
  }

  void readsFileInPyTorchLayout() {
    // tests/fixtures/torch_written.safetensors: written by generate_op_fixtures.py in the layout of PyTorch's
    // safetensors writer (packed, so every tensor after the 3-byte U8 one is unaligned). Values from torch:
    // (arange(6)*0.5-1).reshape(2,3), [True,False,True,True], [[-3],[7]], 2.25, zeros(0,2).
    const auto loaded = load_safetensors(PARATRACE_TEST_DATA_DIR "/torch_written.safetensors");
    QCOMPARE(loaded.tensors.size(), std::size_t{6});
    QCOMPARE(loaded.metadata.at("format"), std::string("pt"));
    const auto& t = loaded.tensors;
    QCOMPARE(t[0].first, std::string("bytes"));
    QCOMPARE(t[0].second.to_vector<std::uint8_t>(), (std::vector<std::uint8_t>{1, 2, 255}));
    QCOMPARE(t[1].first, std::string("weight"));
    QCOMPARE(t[1].second.sizes(), (Shape{2, 3}));
    QCOMPARE(t[1].second.to_vector<float>(), (std::vector<float>{-1.0f, -0.5f, 0.0f, 0.5f, 1.0f, 1.5f}));
    QCOMPARE(t[2].second.to_vector<bool>(), (std::vector<bool>{true, false, true, true}));
    QCOMPARE(t[3].second.dtype(), ScalarType::Int64);
    QCOMPARE(t[3].second.to_vector<std::int64_t>(), (std::vector<std::int64_t>{-3, 7}));
    QCOMPARE(t[4].second.dim(), std::int64_t{0});
    QCOMPARE(t[4].second.item<double>(), 2.25);
    QCOMPARE(t[5].second.sizes(), (Shape{0, 2}));
  }

  void alignedDataIsMappedAndUnalignedDataIsCopied() {
    // Header padded to 128 bytes: the buffer starts at file offset 136, so "a" (offset 0) sits at 8 mod 64 in the
    // page-aligned mapping, which only a zero-copy wrap can give (copies are 64-aligned); "b" at offset 9 is
    // unaligned for float and must be copied into aligned memory.
    std::string header = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                         R"("b":{"dtype":"F32","shape":[2],"data_offsets":[9,17]}})";
    QVERIFY(header.size() <= 128);
    header.resize(128, ' ');
    const float a[2] = {1.5f, -2.0f};
    const float b[2] = {3.25f, 4.0f};
    std::string data(17, '\0');
    std::memcpy(data.data(), a, 8);
    std::memcpy(data.data() + 9, b, 8);
    const std::string bytes = le_u64(header.size()) + header + data;
    QTemporaryDir dir;
    const std::string path = write_bytes(dir, QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())));
    const auto loaded = load_safetensors(path);
    const Tensor& ta = loaded.tensors.at(0).second;
    const Tensor& tb = loaded.tensors.at(1).second;
    QCOMPARE(reinterpret_cast<std::uintptr_t>(ta.raw_data()) % 64, std::uintptr_t{8});
    QCOMPARE(reinterpret_cast<std::uintptr_t>(tb.raw_data()) % 64, std::uintptr_t{0});
    QCOMPARE(ta.to_vector<float>(), (std::vector<float>{1.5f, -2.0f}));
    QCOMPARE(tb.to_vector<float>(), (std::vector<float>{3.25f, 4.0f}));
  }

  void parseFromMemoryMatchesLoad() {
    const std::string path = PARATRACE_TEST_DATA_DIR "/torch_written.safetensors";
    const QByteArray bytes = read_all(path);
    const auto parsed = parse_safetensors(bytes.constData(), static_cast<std::size_t>(bytes.size()), "in-memory");
    const auto loaded = load_safetensors(path);
    QCOMPARE(parsed.tensors.size(), loaded.tensors.size());
    for (std::size_t i = 0; i < parsed.tensors.size(); ++i) {
      QCOMPARE(parsed.tensors[i].first, loaded.tensors[i].first);
      QVERIFY(same_tensor(parsed.tensors[i].second, loaded.tensors[i].second));
    }
    QCOMPARE(parsed.metadata, loaded.metadata);
  }

  void boolBytesOtherThanOneReadAsTrue() {
    const std::string header = R"({"b":{"dtype":"BOOL","shape":[3],"data_offsets":[0,3]}})";
    const std::string bytes = le_u64(header.size()) + header + std::string("\x00\x02\xff", 3);
    const auto parsed = parse_safetensors(bytes.data(), bytes.size(), "bools");
    QCOMPARE(parsed.tensors.at(0).second.to_vector<std::uint8_t>(), (std::vector<std::uint8_t>{0, 1, 1}));
  }

  void hostileFileGivesClearError_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const std::string ok_entry = R"("dtype":"F32","shape":[2,3],"data_offsets":[0,24])";
    QTest::newRow("empty file") << QByteArray() << "file is 0 bytes, too short to hold the 8-byte header length";
    QTest::newRow("shorter than 8 bytes") << QByteArray("\x02\x00\x00", 3) << "file is 3 bytes, too short";
    QTest::newRow("header length past end")
        << make_file("{}", 0).replace(0, 1, "\x09") << "header length 9 exceeds the 2 bytes after the length field";
    QTest::newRow("header length 2^64-1")
        << QByteArray(8, '\xff') << "header length 18446744073709551615 exceeds the 0 bytes";
    QTest::newRow("invalid JSON") << make_file("{\"a\":", 0) << "invalid JSON header";
    QTest::newRow("header not an object") << make_file("[1,2]", 0) << "header is not a JSON object";
    QTest::newRow("entry not an object") << make_file(R"({"a":3})", 0) << "tensor 'a': entry is not a JSON object";
    QTest::newRow("missing dtype") << make_file(R"({"a":{"shape":[1],"data_offsets":[0,4]}})", 4)
                                   << "tensor 'a': missing or non-string 'dtype'";
    QTest::newRow("unsupported dtype") << make_file(R"({"a":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}})", 2)
                                       << "tensor 'a': unsupported dtype 'F16'";
    QTest::newRow("missing shape") << make_file(R"({"a":{"dtype":"F32","data_offsets":[0,4]}})", 4)
                                   << "tensor 'a': missing 'shape'";
    QTest::newRow("shape not a list") << make_file(R"({"a":{"dtype":"F32","shape":4,"data_offsets":[0,4]}})", 4)
                                      << "'shape' must be a list of integers";
    QTest::newRow("fractional dim") << make_file(R"({"a":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}})", 4)
                                    << "'shape' must be a list of integers";
    QTest::newRow("negative dim") << make_file(R"({"a":{"dtype":"F32","shape":[-2,3],"data_offsets":[0,0]}})", 0)
                                  << "tensor 'a': negative dimension -2 in shape";
    QTest::newRow("dim beyond int64")
        << make_file(R"({"a":{"dtype":"U8","shape":[18446744073709551615],"data_offsets":[0,0]}})", 0)
        << "dimension 18446744073709551615 is too large";
    QTest::newRow("shape product overflows")
        << make_file(R"({"a":{"dtype":"F64","shape":[4611686018427387904,4611686018427387904],"data_offsets":[0,8]}})",
                     8)
        << "overflows the byte count";
    QTest::newRow("missing data_offsets") << make_file(R"({"a":{"dtype":"F32","shape":[1]}})", 4)
                                          << "'data_offsets' must be a list of two non-negative integers";
    QTest::newRow("three data_offsets") << make_file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4,8]}})", 8)
                                        << "'data_offsets' must be a list of two non-negative integers";
    QTest::newRow("negative data_offset") << make_file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[-4,0]}})", 4)
                                          << "'data_offsets' must be a list of two non-negative integers";
    QTest::newRow("offsets reversed") << make_file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}})", 4)
                                      << "data_offsets end is before begin";
    QTest::newRow("byte count mismatch") << make_file(R"({"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}})",
                                                      24)
                                         << "needs 24 bytes but data_offsets span 20";
    QTest::newRow("offsets past end") << make_file("{\"a\":{" + ok_entry + "}}", 20)
                                      << "tensor 'a': data_offsets [0, 24] run past the end of the 20-byte data buffer";
    QTest::newRow("overlapping offsets")
        << make_file(
               R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
               12)
        << "tensors 'a' and 'b' have overlapping data_offsets";
    QTest::newRow("overlap hidden behind an empty tensor")
        << make_file(
               R"({"a":{"dtype":"U8","shape":[8],"data_offsets":[0,8]},"e":{"dtype":"U8","shape":[0],"data_offsets":[4,4]},"c":{"dtype":"U8","shape":[4],"data_offsets":[6,10]}})",
               10)
        << "tensors 'a' and 'c' have overlapping data_offsets";
    QTest::newRow("duplicate names")
        << make_file(
               R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
               8)
        << "duplicate key 'a' in header";
    QTest::newRow("deeply nested header")
        << make_file(std::string(200000, '[') + std::string(200000, ']'), 0) << "header is not a JSON object";
    QTest::newRow("trailing bytes after JSON") << make_file("{} x", 0) << "invalid JSON header";
    QTest::newRow("metadata not an object")
        << make_file(R"({"__metadata__":[1]})", 0) << "'__metadata__' must be an object of strings";
    QTest::newRow("metadata value not a string")
        << make_file(R"({"__metadata__":{"k":1}})", 0) << "'__metadata__' value for 'k' is not a string";
  }

  void hostileFileGivesClearError() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const std::string path = write_bytes(dir, bytes);
    PT_VERIFY_THROWS(SafetensorsError, load_safetensors(path), message.toStdString());
    PT_VERIFY_THROWS(SafetensorsError, load_safetensors(path), "safetensors file '" + path + "': ");
    const auto parse = [&] { parse_safetensors(bytes.constData(), static_cast<std::size_t>(bytes.size()), "buf"); };
    PT_VERIFY_THROWS(SafetensorsError, parse(), message.toStdString());
    PT_VERIFY_THROWS(SafetensorsError, parse(), "safetensors file 'buf': ");
  }

  void errorIsAValueError() { PT_VERIFY_THROWS(ValueError, parse_safetensors("", 0, "x"), "too short"); }

  void missingFileNamesTheFile() {
    PT_VERIFY_THROWS(SafetensorsError, load_safetensors("/nonexistent/file.safetensors"),
                     "safetensors file '/nonexistent/file.safetensors': cannot open");
  }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
