import ArgumentParser
import ServiceLifecycle
import PostgresNIO
print("x")
