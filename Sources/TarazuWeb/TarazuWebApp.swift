import Vapor
import TarazuStore

public enum TarazuWebApp {}
