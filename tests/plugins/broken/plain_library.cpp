// Rejected: an ordinary shared library, not a Qt plugin.
extern "C" int paratrace_test_plain_function() { return 42; }
