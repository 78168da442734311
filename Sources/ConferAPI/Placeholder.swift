import Hummingbird; import OpenAPIHummingbird; import HummingbirdBcrypt; import Crypto
