// Placeholder: the libFuzzer harness for the reader and model goes here.
print("fuzz harness not built yet")
