import Testing
import VaporTesting
@testable import TarazuWeb
